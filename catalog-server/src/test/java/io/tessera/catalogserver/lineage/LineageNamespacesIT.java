package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/v1/lineage/namespaces} on the demo mesh, with its policies and anonymous reads:
 * the namespaces pipelines have reported, counted by the datasets the caller may discover, and each
 * dataset node of {@code GET /api/v1/lineage} with the product that owns it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageNamespacesIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WAREHOUSE = "postgres://warehouse.internal:5432";
  private static final String CRM = "postgres://crm-db.internal:5432";

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-lineage-namespaces-it",
        "tessera.demo",
        "true",
        "tessera.security.anonymous-read",
        "true");
  }

  @BeforeAll
  void awaitTheDemo() throws InterruptedException {
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
  }

  @Test
  void shouldListTheReportedNamespacesWithTheirCountsMostDatasetsFirst() {
    Map<String, Integer> namespaces = counts(get("/api/v1/lineage/namespaces", true));

    assertThat(namespaces).containsKeys(WAREHOUSE, CRM, "kafka://events.internal:9092");
    assertThat(namespaces.get(WAREHOUSE)).isGreaterThanOrEqualTo(2);
    List<Integer> order = new ArrayList<>(namespaces.values());
    assertThat(order).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(namespaces.size()).isLessThanOrEqualTo(200);
  }

  @Test
  void shouldKeepOnlyTheNamespacesStartingWithThePrefix() {
    Map<String, Integer> postgres =
        counts(get("/api/v1/lineage/namespaces?prefix=" + encode("postgres://"), true));

    assertThat(postgres).containsKey(WAREHOUSE);
    assertThat(postgres.keySet()).allMatch(ns -> ns.startsWith("postgres://"));
    assertThat(counts(get("/api/v1/lineage/namespaces?prefix=" + encode("nowhere://"), true)))
        .isEmpty();
  }

  @Test
  void shouldCountOnlyTheDatasetsTheCallerMayDiscover() {
    Map<String, Integer> admin = counts(get("/api/v1/lineage/namespaces", true));
    Map<String, Integer> anonymous = counts(get("/api/v1/lineage/namespaces", false));

    assertThat(admin.keySet()).containsAll(anonymous.keySet());
    anonymous.forEach((ns, count) -> assertThat(count).isLessThanOrEqualTo(admin.get(ns)));
    assertThat(anonymous.get(CRM))
        .as("the restricted customer-profiles' crm.public.customers is not counted")
        .isLessThan(admin.get(CRM));
    assertThat(anonymous.get(WAREHOUSE)).isEqualTo(admin.get(WAREHOUSE));
  }

  @Test
  void shouldLinkADatasetNodeOfOrdersToTheProductThatOwnsIt() {
    JsonNode graph =
        get(
            "/api/v1/lineage?depth=2&nodeId="
                + encode("dataset:" + WAREHOUSE + ":sales.public.orders"),
            false);
    Map<String, String> products = new LinkedHashMap<>();
    for (JsonNode node : graph.path("graph")) {
      products.put(node.path("id").asText(), node.path("product").asText(null));
      if (node.path("type").asText().equals("RESTRICTED")) {
        assertThat(node.has("product") && !node.path("product").isNull()).isFalse();
      }
    }
    assertThat(products)
        .containsEntry("dataset:" + WAREHOUSE + ":sales.public.orders", "sales/orders");
    assertThat(products.keySet()).anyMatch(id -> id.startsWith("restricted:"));
  }

  private static Map<String, Integer> counts(JsonNode array) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (JsonNode n : array) {
      counts.put(n.path("namespace").asText(), n.path("datasets").asInt());
    }
    return counts;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonNode get(String path, boolean admin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve(path)).header("Accept", "application/json");
    if (admin) {
      request.header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
