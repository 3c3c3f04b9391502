package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The as-of reads ({@code ?asOf=} on a product, the product listing and lineage; GraphQL {@code
 * productAsOf}, {@code productsAsOf}, {@code lineage(asOf:)}) through the leak-matrix mesh: what
 * today's policies hide stays hidden in the past and answers exactly like what does not exist,
 * including a product deleted since whose classification then today's policies restrict.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfLeakIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String HIDDEN = "fjord/vellichor-ledger";
  private static final String DELETED = "fjord/tally-secret";
  private static final String HIDDEN_DATASET =
      "dataset:postgres://lk:5432:fjord.public.vellichor_ledger";
  private static final String MISSING_DATASET = "dataset:postgres://lk:5432:fjord.public.nothing";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private SecurityHttp http;
  private String eu;
  private String us;
  private String auditor;
  private String fjordOwner;

  /** After the mesh, its lineage and the secret tally existed; before the tally was deleted. */
  private String then;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-as-of-leak-it", "tessera.security.anonymous-read", "true");
  }

  @BeforeAll
  void applyTheMeshPostLineageAndDeleteTheTally() throws Exception {
    http = new SecurityHttp(server.getURI());
    http.post("/api/v1/descriptors", ADMIN, mesh(), "application/yaml").ok();
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            """
            apiVersion: tessera/v1
            kind: DataProduct
            metadata: {domain: fjord, name: tally-secret}
            spec:
              title: Tally Secret
              owner: "mailto:fjord@example.com"
              classification: [eu-confidential]
              outputPorts:
                - name: tally-table
                  dataset: {namespace: "postgres://lk:5432", name: fjord.public.tally_secret}
            """,
            "application/yaml")
        .ok();
    eu =
        token(
            "{\"subject\":\"asof-eu\",\"roles\":[\"consumer\"],\"attributes\":{\"region\":[\"eu\"]}}");
    us =
        token(
            "{\"subject\":\"asof-us\",\"roles\":[\"consumer\"],\"attributes\":{\"region\":[\"us\"]}}");
    auditor =
        token(
            "{\"subject\":\"asof-auditor\",\"roles\":[\"consumer\"],"
                + "\"attributes\":{\"region\":[\"us\"],\"purposes\":[\"auditing\"]}}");
    fjordOwner =
        token(
            "{\"subject\":\"asof-fjord-owner\",\"roles\":[\"domain-owner\"],\"domains\":[\"fjord\"]}");
    String producer = token("{\"subject\":\"asof-pipeline\",\"roles\":[\"producer\"]}");
    long last = 0;
    for (JsonNode event : SecurityHttp.JSON.readTree(resource("security/leak-matrix/runs.json"))) {
      last =
          Math.max(
              last,
              http.post("/api/v1/lineage", producer, event.toString(), "application/json")
                  .ok()
                  .path("id")
                  .asLong());
    }
    assertThat(projection.awaitProjected(last, Duration.ofSeconds(60))).isTrue();
    Thread.sleep(5);
    then = Instant.now().toString();
    Thread.sleep(5);
    assertThat(http.delete("/api/v1/products/" + DELETED, ADMIN).status()).isEqualTo(200);
  }

  @Test
  void shouldAnswerAHiddenProductInThePastExactlyLikeAMissingOne() {
    for (String product : List.of(HIDDEN, DELETED)) {
      for (String token : List.of(eu, us, ADMIN)) {
        boolean sees = !token.equals(us);
        SecurityHttp.Reply reply = get("/api/v1/products/" + product + "?asOf=" + q(then), token);
        if (sees) {
          assertThat(reply.status()).as(product + " " + reply.body()).isEqualTo(200);
          assertThat(reply.json().path("product").path("name").asText())
              .isEqualTo(product.substring(product.indexOf('/') + 1));
          continue;
        }
        SecurityHttp.Reply missing = get("/api/v1/products/fjord/no-such?asOf=" + q(then), token);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body())
            .isEqualTo(missing.body().replace("fjord/no-such", product))
            .doesNotContain("Vellichor Ledger", "Settlements", "Tally Secret");
        SecurityHttp.Reply descriptor =
            get("/api/v1/products/" + product + "?format=tessera&asOf=" + q(then), token);
        assertThat(descriptor.status()).isEqualTo(404);
        assertThat(descriptor.body()).isEqualTo(reply.body());
      }
    }
  }

  @Test
  void shouldLeaveHiddenProductsOutOfThePastListing() {
    for (String token : List.of(eu, us, ADMIN)) {
      boolean sees = !token.equals(us);
      SecurityHttp.Reply list = get("/api/v1/products?domain=fjord&asOf=" + q(then), token);
      assertThat(list.status()).isEqualTo(200);
      List<String> names = list.json().path("items").findValuesAsText("name");
      assertThat(names).contains("raw-events", "quillon-accounts");
      assertThat(names.contains("vellichor-ledger")).as(token + names).isEqualTo(sees);
      assertThat(names.contains("tally-secret")).as(token + names).isEqualTo(sees);
      if (!sees) {
        assertThat(list.body()).doesNotContain("vellichor", "tally");
      }
    }
  }

  @Test
  void shouldWithholdDetailsAndPoliciesInThePastAsNow() {
    JsonNode past = get("/api/v1/products/fjord/quillon-accounts?asOf=" + q(then), us).json();
    JsonNode live = get("/api/v1/products/fjord/quillon-accounts", us).json();
    assertThat(past.path("product").path("outputPorts").get(0).has("dataset"))
        .isEqualTo(live.path("outputPorts").get(0).has("dataset"))
        .isFalse();
    assertThat(past.has("policies")).as("policies are for owners").isFalse();
    JsonNode audited =
        get("/api/v1/products/fjord/quillon-accounts?asOf=" + q(then), auditor).json();
    assertThat(audited.path("product").path("outputPorts").get(0).has("dataset")).isTrue();
    JsonNode owned =
        get("/api/v1/products/fjord/quillon-accounts?asOf=" + q(then), fjordOwner).json();
    assertThat(owned.path("policies").findValuesAsText("key"))
        .contains("fjord/quillon-for-auditing");
  }

  @Test
  void shouldAnswerAHiddenLineageNodeInThePastLikeAMissingOne() {
    for (String token : List.of(eu, us)) {
      boolean sees = token.equals(eu);
      SecurityHttp.Reply reply =
          get("/api/v1/lineage?nodeId=" + q(HIDDEN_DATASET) + "&asOf=" + q(then), token);
      if (sees) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        continue;
      }
      SecurityHttp.Reply missing =
          get("/api/v1/lineage?nodeId=" + q(MISSING_DATASET) + "&asOf=" + q(then), token);
      assertThat(reply.status()).isEqualTo(404);
      assertThat(missing.status()).isEqualTo(404);
      assertThat(reply.body()).isEqualTo(missing.body().replace(MISSING_DATASET, HIDDEN_DATASET));
    }
    // a job next to the hidden dataset keeps it as a restricted placeholder, in the past as now
    String job = "job:fjord-etl:summarise_ledger";
    SecurityHttp.Reply past = get("/api/v1/lineage?nodeId=" + q(job) + "&asOf=" + q(then), us);
    assertThat(past.status()).as(past.body()).isEqualTo(200);
    assertThat(past.body()).doesNotContain("vellichor");
  }

  @Test
  void shouldAnswerTheSameOverGraphQL() {
    for (String token : List.of(eu, us)) {
      boolean sees = token.equals(eu);
      for (String name : List.of("vellichor-ledger", "tally-secret")) {
        JsonNode one =
            graphql(
                token,
                "query($at: String!) { productAsOf(domain: \"fjord\", name: \""
                    + name
                    + "\", asOf: $at) { product { name } } }");
        assertThat(one.path("errors").isMissingNode()).as(one.toString()).isTrue();
        assertThat(one.at("/data/productAsOf").isNull()).as(token + name).isEqualTo(!sees);
      }
      JsonNode listed =
          graphql(
              token,
              "query($at: String!) { productsAsOf(domain: \"fjord\", asOf: $at) { items { name"
                  + " } } }");
      List<String> names = listed.at("/data/productsAsOf/items").findValuesAsText("name");
      assertThat(names.contains("vellichor-ledger")).isEqualTo(sees);
      assertThat(names.contains("tally-secret")).isEqualTo(sees);
      JsonNode lineage =
          graphql(
              token,
              "query($at: String!) { lineage(start: {dataset: {namespace: \"postgres://lk:5432\","
                  + " name: \"fjord.public.vellichor_ledger\"}}, asOf: $at) { nodes { id } } }");
      if (sees) {
        assertThat(lineage.at("/data/lineage/nodes").findValuesAsText("id"))
            .contains(HIDDEN_DATASET);
      } else {
        JsonNode missing =
            graphql(
                token,
                "query($at: String!) { lineage(start: {dataset: {namespace: \"postgres://lk:5432\","
                    + " name: \"fjord.public.nothing\"}}, asOf: $at) { nodes { id } } }");
        assertThat(lineage.toString())
            .isEqualTo(
                missing
                    .toString()
                    .replace("fjord.public.nothing", "fjord.public.vellichor_ledger"));
        assertThat(lineage.at("/errors/0/extensions/code").asText()).isEqualTo("not-found");
      }
    }
  }

  private SecurityHttp.Reply get(String path, String token) {
    return http.get(path, token, "application/json");
  }

  private JsonNode graphql(String token, String query) {
    ObjectNode body = SecurityHttp.JSON.createObjectNode().put("query", query);
    body.putObject("variables").put("at", then);
    return http.post("/graphql", token, body.toString(), "application/json").ok();
  }

  private String token(String request) {
    return http.post("/api/v1/tokens", ADMIN, request, "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String mesh() {
    return resource("security/leak-matrix/mesh.yaml");
  }

  private static String resource(String name) {
    try (InputStream in = AsOfLeakIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
