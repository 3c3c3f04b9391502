package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The management endpoints answer admins only: anonymous callers get a 401 and other principals a
 * 403 (both problem documents), or a 404 where an endpoint is disabled. {@code /health} stays open,
 * with the indicators' details for admins only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementEndpointsIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;

  /** Enabled endpoints: method and path. */
  private static final List<String[]> ENABLED =
      List.of(
          new String[] {"GET", "/routes"},
          new String[] {"GET", "/threaddump"},
          new String[] {"GET", "/liquibase"},
          new String[] {"GET", "/info"},
          new String[] {"POST", "/refresh"});

  /** Endpoints switched off: nobody reaches them. */
  private static final List<String[]> DISABLED =
      List.of(
          new String[] {"GET", "/beans"},
          new String[] {"GET", "/env"},
          new String[] {"GET", "/loggers"},
          new String[] {"POST", "/stop"});

  @Inject EmbeddedServer server;

  private SecurityHttp http;
  private String consumer;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-management-it", "tessera.security.anonymous-read", "false");
  }

  @BeforeAll
  void issueAConsumerToken() {
    http = new SecurityHttp(server.getURI());
    consumer =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"reader\",\"roles\":[\"consumer\"]}",
                "application/json")
            .ok()
            .path("secret")
            .asText();
  }

  @Test
  void shouldAnswerOnlyAdminsOnTheManagementEndpoints() {
    for (String[] endpoint : ENABLED) {
      String where = endpoint[0] + " " + endpoint[1];
      SecurityHttp.Reply anonymous = send(endpoint, null);
      assertThat(anonymous.status()).as(where).isEqualTo(401);
      anonymous.problem(401, "unauthorized");
      send(endpoint, consumer).problem(403, "forbidden");
      SecurityHttp.Reply admin = send(endpoint, ADMIN);
      assertThat(admin.status()).as(where + ": " + admin.body()).isEqualTo(200);
    }
  }

  @Test
  void shouldNotServeTheDisabledEndpointsToAnyone() {
    for (String[] endpoint : DISABLED) {
      String where = endpoint[0] + " " + endpoint[1];
      assertThat(send(endpoint, null).status()).as(where).isIn(401, 404);
      assertThat(send(endpoint, consumer).status()).as(where).isIn(403, 404);
      assertThat(send(endpoint, ADMIN).status()).as(where).isEqualTo(404);
    }
  }

  @Test
  void shouldShowHealthToEveryoneAndItsDetailsToAdminsOnly() {
    JsonNode anonymous = http.get("/health", null).ok();
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("details")).isFalse();
    assertThat(http.get("/health", consumer).ok().has("details")).isFalse();
    assertThat(http.get("/health", ADMIN).ok().has("details")).isTrue();
  }

  @Test
  void shouldShowAdminsTheCatalogsComponentsInTheHealthDetails() {
    JsonNode details = http.get("/health", ADMIN).ok().path("details");

    assertThat(details.path("jdbc").path("status").asText()).isEqualTo("UP");
    JsonNode catalog = details.path("catalog-components");
    assertThat(catalog.path("status").asText()).isEqualTo("UP");
    JsonNode components = catalog.path("details");
    assertThat(components.path("graphStore").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("graphStore").path("revision").isIntegralNumber()).isTrue();
    assertThat(components.path("searchIndex").has("revision")).isTrue();
    assertThat(components.path("searchIndex").has("rebuilding")).isTrue();
    JsonNode projection = components.path("lineageProjection");
    assertThat(projection.path("lag").asLong(-1))
        .isEqualTo(projection.path("journal").asLong() - projection.path("projected").asLong());
    assertThat(components.path("readiness").path("ready").isBoolean()).isTrue();
    assertThat(http.get("/health", consumer).ok().path("details").isMissingNode()).isTrue();
  }

  @Test
  void shouldAuditTheRefusals() {
    send(new String[] {"GET", "/routes"}, consumer).problem(403, "forbidden");
    JsonNode denied = http.get("/api/v1/audit?subject=reader&limit=1000", ADMIN).ok();
    assertThat(denied.path("items").toString()).contains("GET /routes", "denied");
  }

  @Test
  void shouldPageTheAuditLogNewestFirst() {
    send(new String[] {"GET", "/routes"}, consumer).problem(403, "forbidden");
    send(new String[] {"GET", "/threaddump"}, consumer).problem(403, "forbidden");
    JsonNode first = http.get("/api/v1/audit?subject=reader&order=newest&limit=1", ADMIN).ok();
    JsonNode newest = first.path("items").get(0);
    assertThat(newest.toString()).contains("GET /threaddump");
    String cursor = first.path("nextCursor").asText();
    JsonNode second =
        http.get("/api/v1/audit?subject=reader&order=newest&limit=1&cursor=" + cursor, ADMIN).ok();
    JsonNode older = second.path("items").get(0);
    assertThat(older.toString()).contains("GET /routes");
    assertThat(older.path("id").asLong()).isLessThan(newest.path("id").asLong());
    JsonNode oldestFirst = http.get("/api/v1/audit?subject=reader&limit=1000", ADMIN).ok();
    JsonNode items = oldestFirst.path("items");
    assertThat(items.get(items.size() - 1).path("id").asLong())
        .isEqualTo(newest.path("id").asLong());
    http.get("/api/v1/audit?order=sideways", ADMIN).problem(400, "invalid-request");
  }

  private SecurityHttp.Reply send(String[] endpoint, String token) {
    return http.send(
        endpoint[0],
        endpoint[1],
        token,
        endpoint[0].equals("POST") ? "{}" : null,
        endpoint[0].equals("POST") ? "application/json" : null,
        "application/json");
  }
}
