package io.tessera.catalogserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.netflix.graphql.dgs.client.GraphQLResponse;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.graphql.GraphQLTestClient;
import io.tessera.graphstore.GraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search by meaning over real HTTP on the demo catalog, with the real embedding model: a product
 * described in other words is found and says so, exact names still rank first (every relevance case
 * of {@link SearchApiIT} holds with meaning on), and {@code semantic=false} ranks by words.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticSearchIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final String CHURN = IRIS.product("customer", "churn-risk-scores");

  /**
   * Not enough of its words for the ranking by words (it says churn, customers, risk; never
   * leaving), but the nearest in meaning.
   */
  private static final String CHURN_IN_OTHER_WORDS = "customers at risk of leaving";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-semantic-it", "tessera.demo", "true", "tessera.search.semantic.enabled", "true");
  }

  @BeforeAll
  void awaitTheDemoCatalog() throws InterruptedException {
    long revision;
    do {
      revision = store.revision();
      assertThat(index.awaitRevision(revision, Duration.ofSeconds(180))).isTrue();
    } while (store.revision() != revision);
  }

  @Test
  void shouldFindTheChurnProductByMeaning() {
    JsonNode page = search(Map.of("q", List.of(CHURN_IN_OTHER_WORDS), "limit", List.of("10")));

    List<String> top3 = new ArrayList<>();
    page.path("hits").forEach(h -> top3.add(h.path("iri").asText()));
    assertThat(top3.subList(0, Math.min(3, top3.size()))).as("top 3 of %s", top3).contains(CHURN);
    JsonNode churn = hit(page, CHURN);
    assertThat(churn.path("matchedByMeaning").asBoolean()).isTrue();

    JsonNode byWords =
        search(
            Map.of(
                "q",
                List.of(CHURN_IN_OTHER_WORDS),
                "semantic",
                List.of("false"),
                "limit",
                List.of("100")));
    assertThat(byWords.path("hits").findValuesAsText("iri")).doesNotContain(CHURN);
    assertThat(byWords.path("hits").findValues("matchedByMeaning")).isEmpty();
  }

  @Test
  void shouldFindItByMeaningThroughGraphQL() {
    GraphQLResponse r =
        new GraphQLTestClient(server.getURL(), TestCredentials.ADMIN_TOKEN)
            .ok(
                """
                query($q: String!, $semantic: Boolean) {
                  search(query: $q, first: 3, semantic: $semantic) {
                    hits { edges { node { iri matchedByMeaning } } } } }""",
                Map.of("q", CHURN_IN_OTHER_WORDS, "semantic", true));
    List<String> iris = r.extractValue("search.hits.edges[*].node.iri");
    List<Boolean> byMeaning = r.extractValue("search.hits.edges[*].node.matchedByMeaning");
    assertThat(iris).contains(CHURN);
    assertThat(byMeaning.get(iris.indexOf(CHURN))).isTrue();

    GraphQLResponse words =
        new GraphQLTestClient(server.getURL(), TestCredentials.ADMIN_TOKEN)
            .ok(
                """
                query($q: String!) {
                  search(query: $q, first: 50, semantic: false) {
                    hits { edges { node { iri matchedByMeaning } } } } }""",
                Map.of("q", CHURN_IN_OTHER_WORDS));
    assertThat(words.<List<String>>extractValue("search.hits.edges[*].node.iri"))
        .doesNotContain(CHURN);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("io.tessera.catalogserver.api.SearchApiIT#relevance")
  void shouldStillRankTheExpectedEntityFirst(String query, String expected) {
    JsonNode page = search(Map.of("q", List.of(query)));

    assertThat(page.path("hits").path(0).path("iri").asText())
        .as("top hit for '%s' of %s", query, page.path("hits").findValuesAsText("iri"))
        .isEqualTo(expected);
  }

  @Test
  void shouldRejectASemanticValueOtherThanTrueOrFalse() {
    URI uri = uri(Map.of("q", List.of("orders"), "semantic", List.of("maybe")));
    try {
      http.toBlocking().exchange(HttpRequest.GET(uri), String.class);
      throw new AssertionError("expected 400 for " + uri);
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(400);
      assertThat(e.getResponse().getContentType().map(Object::toString))
          .hasValue("application/problem+json");
      assertThat(parse(e.getResponse().getBody(String.class).orElse("{}")).path("detail").asText())
          .contains("semantic must be true or false");
    }
  }

  private static JsonNode hit(JsonNode page, String iri) {
    for (JsonNode h : page.path("hits")) {
      if (h.path("iri").asText().equals(iri)) {
        return h;
      }
    }
    throw new AssertionError(iri + " not among " + page.path("hits").findValuesAsText("iri"));
  }

  private JsonNode search(Map<String, List<String>> params) {
    HttpResponse<String> response =
        http.toBlocking().exchange(HttpRequest.GET(uri(params)), String.class);
    assertThat(response.getStatus().getCode()).isEqualTo(200);
    return parse(response.body());
  }

  private static URI uri(Map<String, List<String>> params) {
    UriBuilder builder = UriBuilder.of("/api/v1/search");
    params.forEach((name, values) -> values.forEach(v -> builder.queryParam(name, v)));
    return builder.build();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
