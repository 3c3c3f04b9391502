package io.tessera.catalogserver.journal;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new node starts from the newest graph snapshot in the database and applies only the journal
 * entries after it, so the journal's retention can drop what a snapshot covers. Real PostgreSQL
 * (zonky embedded), servers in process driven over HTTP.
 */
class SnapshotPostgresIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType YAML = MediaType.of("application/yaml");

  @TempDir static Path dirs;

  private static EmbeddedPostgres postgres;
  private static final List<EmbeddedServer> servers = new ArrayList<>();

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopAll() throws IOException {
    for (EmbeddedServer s : servers) {
      TestServer.stopWith(s, null);
    }
    TestServer.stopWith(null, postgres);
  }

  private static EmbeddedServer node(String name, String... more) {
    try {
      Path dir = dirs.resolve(name);
      Files.createDirectories(dir);
      EmbeddedServer server =
          ApplicationContext.run(
              EmbeddedServer.class,
              Map.ofEntries(
                  entry("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres")),
                  entry("datasources.default.username", "postgres"),
                  entry("datasources.default.password", "postgres"),
                  entry("tessera.data-dir", dir.toString()),
                  entry("tessera.demo", false),
                  entry("tessera.cluster.node-id", name),
                  entry("tessera.cluster.read-wait", "3s"),
                  entry("micronaut.server.port", -1),
                  entry(
                      more.length > 0 ? more[0] : "tessera.cluster.snapshots-kept",
                      more.length > 0 ? more[1] : "2")),
              Environment.TEST);
      servers.add(server);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stop(EmbeddedServer server) throws IOException {
    servers.remove(server);
    TestServer.stopWith(server, null);
  }

  private static HttpClient client(EmbeddedServer server) {
    return server.getApplicationContext().createBean(HttpClient.class, server.getURL());
  }

  private static HttpResponse<String> apply(EmbeddedServer server, String yaml) {
    return client(server)
        .toBlocking()
        .exchange(
            HttpRequest.POST("/api/v1/descriptors", yaml.getBytes(StandardCharsets.UTF_8))
                .contentType(YAML),
            Argument.STRING,
            Argument.STRING);
  }

  private static long position(HttpResponse<?> write) {
    String header = write.getHeaders().get(ReadYourWritesFilter.POSITION);
    assertThat(header).as("the write's journal position").isNotNull();
    return Long.parseLong(header);
  }

  private static HttpResponse<String> get(EmbeddedServer server, String path, Long waitFor) {
    MutableHttpRequest<?> request = HttpRequest.GET(path);
    if (waitFor != null) {
      request.header(ReadYourWritesFilter.WAIT_FOR, Long.toString(waitFor));
    }
    try {
      return client(server).toBlocking().exchange(request, Argument.STRING, Argument.STRING);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
      return response;
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.getBody(String.class).orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String product(String domain, String description) {
    return """
        apiVersion: tessera/v1
        kind: Domain
        metadata:
          name: "%1$s"
        spec:
          title: Billing
          description: Invoices and payment reminders.
          owner: mailto:billing-data@example.com
        ---
        apiVersion: tessera/v1
        kind: DataProduct
        metadata:
          domain: "%1$s"
          name: invoices
        spec:
          title: Invoices
          description: "%2$s"
          owner: mailto:billing-data@example.com
          lifecycle: design
          outputPorts:
            - name: invoices-table
              type: table
              dataset:
                namespace: postgres://warehouse:5432
                name: %1$s.public.invoices
              schema:
                - {name: invoice_id, type: string, required: true}
        """
        .formatted(domain, description);
  }

  private static long journalRows() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*), MAX(position) FROM catalog_journal")) {
      rs.next();
      assertThat(rs.getLong(1)).as("positions are gapless").isEqualTo(rs.getLong(2));
      return rs.getLong(1);
    }
  }

  @Test
  void aNewNodeStartsFromTheNewestSnapshotAndOnlyTheEntriesAfterIt() throws Exception {
    EmbeddedServer a = node("node-s", "tessera.cluster.journal-retention", "PT0S");
    long before = position(apply(a, product("snap-before", "Before the snapshot.")));

    HttpResponse<String> taken =
        client(a)
            .toBlocking()
            .exchange(
                HttpRequest.POST("/api/v1/admin/snapshots", ""), Argument.STRING, Argument.STRING);
    assertThat(taken.code()).isEqualTo(201);
    long covered = json(taken).path("catalogPosition").asLong();
    assertThat(covered).isGreaterThanOrEqualTo(before);
    assertThat(json(taken).path("bytes").asLong()).isPositive();
    // the retention (0 here) dropped what the snapshot covers: replaying alone could not build a
    // node
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM catalog_journal WHERE position <= " + covered)) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
    long after = position(apply(a, product("snap-after", "After the snapshot.")));

    EmbeddedServer fresh = node("node-t");
    assertThat(fresh.getApplicationContext().getBean(JournaledWrites.class).position())
        .isEqualTo(after);
    assertThat(
            json(get(fresh, "/api/v1/products/snap-before/invoices", null))
                .path("description")
                .asText())
        .isEqualTo("Before the snapshot.");
    assertThat(
            json(get(fresh, "/api/v1/products/snap-after/invoices", null))
                .path("description")
                .asText())
        .isEqualTo("After the snapshot.");
    TestServer.awaitCaughtUp(
        fresh.getApplicationContext().getBean(LineageProjection.class),
        fresh.getApplicationContext().getBean(GraphStore.class),
        fresh.getApplicationContext().getBean(SearchIndex.class),
        Duration.ofSeconds(60));
    assertThat(
            get(fresh, "/api/v1/search?q=invoices&domain=snap-before", null).getBody(String.class))
        .hasValueSatisfying(b -> assertThat(b).contains("snap-before/invoices"));

    JsonNode listed = json(get(fresh, "/api/v1/admin/snapshots", null));
    assertThat(listed.path("snapshots").path(0).path("node").asText()).isEqualTo("node-s");
    assertThat(listed.path("nodePosition").asLong()).isEqualTo(after);

    // only admins see or take snapshots
    for (MutableHttpRequest<?> request :
        List.of(
            HttpRequest.GET("/api/v1/admin/snapshots"),
            HttpRequest.POST("/api/v1/admin/snapshots", ""))) {
      HttpClientResponseException refused =
          org.assertj.core.api.Assertions.catchThrowableOfType(
              HttpClientResponseException.class,
              () ->
                  client(fresh)
                      .toBlocking()
                      .exchange(
                          request.bearerAuth("not-a-token"), Argument.STRING, Argument.STRING));
      assertThat(refused.getStatus().getCode()).isEqualTo(401);
    }
    stop(fresh);
    stop(a);
  }
}
