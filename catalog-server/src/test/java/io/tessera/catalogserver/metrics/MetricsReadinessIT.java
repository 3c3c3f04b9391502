package io.tessera.catalogserver.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.PlainHttp;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /metrics} and readiness on a server started with the demo catalog: readiness is DOWN at
 * start-up (a product was applied as the server started, see {@link ReadinessAtStart}) while {@code
 * /health} is UP, and turns UP once the lineage projection and the search index have caught up,
 * after which search holds the demo; {@code /metrics} is Prometheus text with the HTTP server's
 * meters per route and Tessera's own, for admins only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsReadinessIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;

  @Inject EmbeddedServer server;
  @Inject ReadinessAtStart atStart;

  private PlainHttp http;
  private String consumer;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-metrics-readiness-it",
        "tessera.demo",
        "true",
        "tessera.security.anonymous-read",
        "false",
        "tessera.test.readiness-at-start",
        "true");
  }

  @BeforeAll
  void issueAConsumerToken() {
    http = new PlainHttp(server.getURI());
    consumer =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"metrics-consumer\",\"roles\":[\"consumer\"]}",
                "application/json")
            .json()
            .path("secret")
            .asText();
  }

  @Test
  void shouldBeReadyOnlyOnceProjectionAndIndexCaughtUpWhileHealthIsUp() throws Exception {
    CatchUpReadiness.Check first = atStart.atStart();
    assertThat(first).isNotNull();
    assertThat(first.ready()).as(first.details().toString()).isFalse();
    assertThat(String.valueOf(first.details().get("waitingFor"))).contains("search-index");
    Map<?, ?> liveness = (Map<?, ?>) atStart.healthAtStart().getDetails();
    assertThat(liveness).as("/health while not ready").isNotEmpty();
    assertThat(liveness.containsKey(CatchUpReadiness.NAME)).as(liveness.toString()).isFalse();
    assertThat(http.get("/health", null).json().path("status").asText()).isEqualTo("UP");

    JsonNode ready = null;
    for (int i = 0; i < 600 && ready == null; i++) {
      PlainHttp.Reply reply = http.get("/health/readiness", ADMIN);
      if (reply.status() == 200 && reply.json().path("status").asText().equals("UP")) {
        ready = reply.json();
      } else {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        Thread.sleep(100);
      }
    }
    assertThat(ready).as("readiness turned UP").isNotNull();
    JsonNode catalog = ready.path("details").path(CatchUpReadiness.NAME).path("details");
    assertThat(catalog.path("indexRevision").asLong())
        .isGreaterThanOrEqualTo(catalog.path("graphRevisionAtStart").asLong());
    assertThat(catalog.path("projected").asLong())
        .isGreaterThanOrEqualTo(catalog.path("journalAtStart").asLong())
        .isPositive();
    JsonNode found = http.get("/api/v1/search?q=late%20arrivals&limit=5", ADMIN).json();
    assertThat(found.toString()).contains("late-arrivals");
    assertThat(http.get("/api/v1/search?q=orders&limit=1", ADMIN).json().path("total").asLong())
        .as("the demo is searchable")
        .isPositive();
  }

  @Test
  void shouldServePrometheusTextWithTheCatalogMetersToAdminsOnly() {
    assertThat(http.get("/api/v1/products?limit=5", ADMIN).status()).isEqualTo(200);
    PlainHttp.Reply metrics = http.get("/metrics", ADMIN, Map.of("Accept", "text/plain"));
    assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains(
            "tessera_lineage_journal_events_total",
            "tessera_lineage_projection_lag_events",
            "tessera_lineage_projection_position",
            "tessera_graph_revision",
            "tessera_search_index_lag_revisions",
            "tessera_search_index_queue_batches",
            "tessera_changes_position",
            "tessera_changes_streams",
            "tessera_ready",
            "tessera_incidents{state=\"open\"}",
            "tessera_products_health{status=\"failing\"}",
            "tessera_slo_breached",
            "http_server_requests_seconds_count")
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/products\"");
    assertThat(metrics.body()).containsPattern("(?m)^tessera_lineage_journal_events_total \\d");

    assertThat(http.get("/metrics", null, Map.of("Accept", "text/plain")).status()).isEqualTo(401);
    assertThat(http.get("/metrics", consumer, Map.of("Accept", "text/plain")).status())
        .isEqualTo(403);
    assertThat(http.get("/health/readiness", null).status()).isIn(200, 503);
  }
}
