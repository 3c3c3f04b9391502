package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.catalogserver.exchange.MutableClock;
import jakarta.inject.Inject;
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
 * The exchange end to end over real HTTP on the demo catalog: a US analyst who may discover but not
 * read {@code customer/churn-risk-scores} (its policy wants purpose retention) asks for it, the
 * customer domain's owner approves, the analyst reads it at once through REST, SPARQL and the
 * decision endpoint for that purpose only; revocation and expiry (by a clock the test moves) take
 * it away on the next request. Bad input changes nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String CHURN = "customer/churn-risk-scores";
  private static final String CHURN_PATH = "/api/v1/products/" + CHURN;
  private static final String CHURN_GRAPH =
      "https://tessera.local/graph/product/customer/churn-risk-scores";

  @Inject EmbeddedServer server;
  @Inject MutableClock clock;
  @Inject ExchangeService exchange;
  @Inject io.tessera.graphstore.GraphStore store;
  @Inject io.tessera.searchindex.SearchIndex index;
  @Inject io.tessera.lineage.LineageProjection projection;

  private SecurityHttp http;
  private String analyst;
  private String owner;
  private String stranger;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-exchange-it",
        "tessera.demo",
        "true",
        "tessera.base-iri",
        "https://tessera.local",
        "tessera.test.mutable-clock",
        "true");
  }

  @BeforeAll
  void issueTokensAndAwaitTheDemo() throws InterruptedException {
    http = new SecurityHttp(server.getURI());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (http.get(CHURN_PATH, ADMIN).status() != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(90));
    analyst = token("us-analyst", "consumer", null, "{\"region\":[\"us\"]}");
    owner = token("customer-owner", "domain-owner", "customer", "{}");
    stranger = token("eu-reader", "consumer", null, "{\"region\":[\"eu\"]}");
  }

  @Test
  void shouldGrantOnApprovalForThePurposeOnlyAndStopOnRevoke() {
    assertThat(readable(analyst)).isFalse();
    assertThat(sparqlSees(analyst)).isFalse();
    assertThat(foundByColumn(analyst)).isFalse();

    JsonNode request =
        http.post(
                "/api/v1/access-requests",
                analyst,
                """
                {"product": "customer/churn-risk-scores", "purpose": "Weekly US retention campaign",
                 "purposeCode": "retention", "intendedUse": "campaign targeting",
                 "durationDays": 30}""",
                "application/json")
            .ok();
    String id = request.path("id").asText();
    assertThat(request.path("state").asText()).isEqualTo("requested");
    assertThat(request.path("mayDecide").asBoolean()).isFalse();

    // nobody but the owners decides; nobody else even sees the request
    http.post(path(id, "approve"), analyst, "{}", "application/json").problem(403, "forbidden");
    http.get("/api/v1/access-requests/" + id, stranger).problem(404, "not-found");
    assertThat(readable(analyst)).isFalse();

    JsonNode inbox = http.get("/api/v1/access-requests?view=inbox", owner).ok();
    assertThat(inbox.findValuesAsText("id")).contains(id);

    JsonNode approved =
        http.post(
                path(id, "approve"),
                owner,
                "{\"reason\":\"fits the retention programme\"}",
                "application/json")
            .ok();
    assertThat(approved.path("state").asText()).isEqualTo("active");
    assertThat(approved.path("agreement").path("purposeCode").asText()).isEqualTo("retention");
    assertThat(approved.path("transitions").findValuesAsText("to"))
        .containsExactly("requested", "approved", "active");
    // a retried approval changes nothing
    assertThat(
            http.post(path(id, "approve"), owner, "{}", "application/json")
                .ok()
                .path("transitions")
                .size())
        .isEqualTo(3);

    // read at once, through every path
    assertThat(readable(analyst)).isTrue();
    assertThat(sparqlSees(analyst)).isTrue();
    assertThat(foundByColumn(analyst)).isTrue();
    JsonNode explained =
        http.get("/api/v1/policies/explain?product=" + CHURN + "&subject=us-analyst", ADMIN).ok();
    assertThat(explained.path("read").path("allowed").asBoolean()).isTrue();
    assertThat(explained.path("read").path("agreement").asText()).isEqualTo(id);
    assertThat(explained.path("read").path("policy").asText())
        .isEqualTo("customer/churn-scores-for-retention");

    // the owner sees the analyst among the product's consumers
    JsonNode consumers = http.get(CHURN_PATH + "/consumers", owner).ok();
    assertThat(consumers.findValuesAsText("name")).contains("us-analyst");

    // at run time, for the stated purpose and nothing else
    JsonNode retention = decide(analyst, null, "retention");
    assertThat(retention.path("decision").path("allowed").asBoolean()).isTrue();
    assertThat(retention.path("decision").path("agreement").asText()).isEqualTo(id);
    assertThat(retention.path("obligations").findValuesAsText("kind"))
        .contains("purpose", "expires");
    assertThat(decide(analyst, null, "marketing").path("decision").path("allowed").asBoolean())
        .isFalse();
    assertThat(decide(analyst, null, null).path("decision").path("allowed").asBoolean()).isFalse();
    // a sidecar of the owner asks with the consumer's token
    assertThat(decide(owner, analyst, "retention").path("subject").asText())
        .isEqualTo("us-analyst");
    decideReply(stranger, analyst, "retention").problem(403, "forbidden");

    // the owners' sidecars get the rules as ODRL, cacheable by revision
    SecurityHttp.Reply odrl = http.get(CHURN_PATH + "/odrl", owner, "application/ld+json");
    assertThat(odrl.status()).isEqualTo(200);
    assertThat(odrl.body()).contains("Agreement").contains("us-analyst").contains("retention");
    http.get(CHURN_PATH + "/odrl", analyst, "application/ld+json").problem(403, "forbidden");

    // revoking needs a reason, then takes effect on the next request
    JsonNode missing =
        http.post(path(id, "revoke"), owner, "{}", "application/json")
            .problem(400, "invalid-request");
    assertThat(missing.path("errors").findValuesAsText("field")).containsExactly("reason");
    assertThat(readable(analyst)).isTrue();
    JsonNode revoked =
        http.post(
                path(id, "revoke"),
                owner,
                "{\"reason\":\"campaign cancelled\"}",
                "application/json")
            .ok();
    assertThat(revoked.path("state").asText()).isEqualTo("revoked");
    assertThat(readable(analyst)).isFalse();
    assertThat(sparqlSees(analyst)).isFalse();
    assertThat(foundByColumn(analyst)).isFalse();
    assertThat(decide(analyst, null, "retention").path("decision").path("allowed").asBoolean())
        .isFalse();
    JsonNode mine = http.get("/api/v1/agreements?view=mine", analyst).ok();
    assertThat(mine.findValuesAsText("state")).contains("revoked");
    JsonNode items = http.get("/api/v1/inbox", analyst).ok();
    assertThat(items.findValuesAsText("message")).anyMatch(m -> m.contains("revoked"));
  }

  @Test
  void shouldShowTheDemosExchangeInEveryState() {
    JsonNode all = http.get("/api/v1/access-requests?view=inbox", ADMIN).ok();
    assertThat(all.findValuesAsText("state"))
        .contains("active", "requested", "rejected", "withdrawn", "revoked");
    JsonNode explained =
        http.get(
                "/api/v1/policies/explain?product=" + CHURN + "&subject=us-retention-analyst",
                ADMIN)
            .ok();
    assertThat(explained.path("read").path("allowed").asBoolean()).isTrue();
    assertThat(explained.path("read").path("agreement").isMissingNode()).isFalse();
    JsonNode wanted = http.get("/api/v1/demand?state=planned", owner).ok();
    assertThat(wanted.findValuesAsText("product")).contains("sales/sales-forecast");
  }

  @Test
  void shouldApplyThePoliciesAccessTermsAndShowTheirNamesOnlyToOwners() {
    JsonNode asConsumer = http.get(CHURN_PATH + "/access-terms", analyst).ok();
    assertThat(asConsumer.path("approval").asText()).isEqualTo("owner");
    assertThat(asConsumer.path("maxDurationDays").asInt()).isEqualTo(180);
    assertThat(asConsumer.path("policies").size()).isZero();
    assertThat(http.get(CHURN_PATH + "/access-terms", owner).ok().path("policies").toString())
        .contains("customer/churn-scores-for-retention");
    JsonNode tooLong =
        http.post(
                "/api/v1/access-requests",
                analyst,
                "{\"product\":\"" + CHURN + "\",\"purpose\":\"x\",\"durationDays\":181}",
                "application/json")
            .problem(400, "invalid-request");
    assertThat(tooLong.path("errors").get(0).path("message").asText())
        .isEqualTo("at most 180 days for this product");

    // the product catalog's data is granted on request, at once
    JsonNode automatic =
        http.post(
                "/api/v1/access-requests",
                analyst,
                "{\"product\":\"product-catalog/skus\",\"purpose\":\"price checks\"}",
                "application/json")
            .ok();
    assertThat(automatic.path("state").asText()).isEqualTo("active");
    assertThat(automatic.path("decidedBy").asText()).isEqualTo("tessera");
    assertThat(automatic.path("transitions").findValuesAsText("to"))
        .containsExactly("requested", "approved", "active");
  }

  @Test
  void shouldStopGrantingWhenTheAgreementExpires() {
    String reader = token("expiring-reader", "consumer", null, "{\"region\":[\"us\"]}");
    String id =
        http.post(
                "/api/v1/access-requests",
                reader,
                "{\"product\":\""
                    + CHURN
                    + "\",\"purpose\":\"pilot\",\"purposeCode\":\"retention\","
                    + "\"durationDays\":2}",
                "application/json")
            .ok()
            .path("id")
            .asText();
    http.post(path(id, "approve"), owner, "{}", "application/json").ok();
    assertThat(readable(reader)).isTrue();

    clock.advance(Duration.ofDays(3));
    try {
      assertThat(readable(reader)).isFalse();
      assertThat(exchange.expire()).isGreaterThanOrEqualTo(1);
      JsonNode expired = http.get("/api/v1/access-requests/" + id, reader).ok();
      assertThat(expired.path("state").asText()).isEqualTo("expired");
      assertThat(expired.path("transitions").findValuesAsText("by")).contains("tessera");
    } finally {
      clock.advance(Duration.ofDays(-3));
    }
  }

  @Test
  void shouldAnswerAHiddenProductLikeAMissingOneAndRefuseBadRequestsWritingNothing() {
    String before = http.get("/api/v1/access-requests?view=mine", analyst).body();
    // customer-profiles is restricted (EU only): the US analyst may not know it exists
    JsonNode hidden =
        http.post(
                "/api/v1/access-requests",
                analyst,
                "{\"product\":\"customer/customer-profiles\",\"purpose\":\"x\"}",
                "application/json")
            .problem(404, "not-found");
    JsonNode missing =
        http.post(
                "/api/v1/access-requests",
                analyst,
                "{\"product\":\"customer/no-such-product\",\"purpose\":\"x\"}",
                "application/json")
            .problem(404, "not-found");
    assertThat(hidden.path("detail").asText().replace("customer-profiles", "?"))
        .isEqualTo(missing.path("detail").asText().replace("no-such-product", "?"));
    http.put("/api/v1/products/customer/customer-profiles/interest", analyst, "{}")
        .problem(404, "not-found");

    JsonNode invalid =
        http.post(
                "/api/v1/access-requests",
                analyst,
                "{\"product\":\""
                    + CHURN
                    + "\",\"purposeCode\":\"world-domination\","
                    + "\"durationDays\":0,\"port\":\"nope\"}",
                "application/json")
            .problem(400, "invalid-request");
    assertThat(invalid.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("purpose", "purposeCode", "durationDays", "port");
    http.post(
            "/api/v1/access-requests",
            analyst,
            "{\"product\":\"" + CHURN + "\",\"purpose\":\"x\",\"durationDays\":5000}",
            "application/json")
        .problem(400, "invalid-request");
    http.post(
            "/api/v1/access-requests", null, "{\"product\":\"" + CHURN + "\"}", "application/json")
        .problem(401, "unauthorized");
    assertThat(http.get("/api/v1/access-requests?view=mine", analyst).body()).isEqualTo(before);

    String duplicate =
        "{\"product\":\"" + CHURN + "\",\"purpose\":\"dup\",\"port\":\"churn-scores-table\"}";
    String id =
        http.post("/api/v1/access-requests", analyst, duplicate, "application/json")
            .ok()
            .path("id")
            .asText();
    http.post("/api/v1/access-requests", analyst, duplicate, "application/json")
        .problem(409, "conflict");
    http.post(path(id, "reject"), owner, "{\"reason\":\"  \"}", "application/json")
        .problem(400, "invalid-request");
    http.post(path(id, "withdraw"), analyst, "{}", "application/json").ok();
    http.post(path(id, "approve"), owner, "{}", "application/json").problem(409, "conflict");
  }

  @Test
  void shouldCollectInterestAndTellTheInterestedWhenAProductTurnsPhysical() throws Exception {
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            """
            apiVersion: tessera/v1
            kind: DataProduct
            metadata: {domain: customer, name: loyalty-tiers}
            spec:
              title: Loyalty tiers
              owner: mailto:loyalty@example.com
              lifecycle: ideation
              outputPorts:
                - name: tiers
                  dataset: {namespace: "postgres://crm:5432", name: crm.public.loyalty_tiers}
            """,
            "application/yaml")
        .ok();
    String product = "/api/v1/products/customer/loyalty-tiers";
    http.send(
            "PUT",
            product + "/interest",
            analyst,
            "{\"useCase\":\"tier-based offers\"}",
            "application/json",
            "application/json")
        .ok();
    http.send(
            "PUT",
            product + "/interest",
            stranger,
            "{\"useCase\":\"EU loyalty report\"}",
            "application/json",
            "application/json")
        .ok();
    JsonNode asConsumer = http.get(product + "/interest", analyst).ok();
    assertThat(asConsumer.path("count").asInt()).isEqualTo(2);
    assertThat(asConsumer.has("interested")).isFalse();
    JsonNode asOwner = http.get(product + "/interest", owner).ok();
    assertThat(asOwner.path("interested").findValuesAsText("subject"))
        .containsExactly("eu-reader", "us-analyst");
    JsonNode demand = http.get("/api/v1/demand?domain=customer&state=planned", owner).ok();
    assertThat(demand.findValuesAsText("product")).contains("customer/loyalty-tiers");
    assertThat(demand.findValuesAsText("state")).containsOnly("planned");

    String event =
        """
        {"eventType":"COMPLETE","eventTime":"%s",
         "run":{"runId":"0195d1c2-4e5f-7a6b-8c9d-0e1f2a3b4c55"},
         "job":{"namespace":"crm","name":"load_loyalty_tiers"},
         "inputs":[],
         "outputs":[{"namespace":"postgres://crm:5432","name":"crm.public.loyalty_tiers"}],
         "producer":"https://example.com/loader","schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"}
        """
            .formatted(Instant.now());
    http.post("/api/v1/lineage", ADMIN, event, "application/json").ok();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<String> kinds = List.of();
    while (Instant.now().isBefore(deadline)) {
      kinds = http.get("/api/v1/inbox", analyst).ok().findValuesAsText("kind");
      if (kinds.contains("product-physical")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(kinds).contains("product-physical");
    assertThat(http.get("/api/v1/inbox", stranger).ok().findValuesAsText("product"))
        .contains("customer/loyalty-tiers");
    // withdrawing an interest, then withdrawing it again
    assertThat(http.delete(product + "/interest", stranger).status()).isEqualTo(204);
    http.delete(product + "/interest", stranger).problem(404, "not-found");
  }

  private boolean readable(String token) {
    JsonNode product = http.get(CHURN_PATH, token).ok();
    return product.path("outputPorts").get(0).has("dataset")
        && !product.path("outputPorts").get(0).path("dataset").isNull();
  }

  // a read-denied product is not found by its columns' names
  private boolean foundByColumn(String token) {
    JsonNode found = http.get("/api/v1/search?q=model_version&limit=50", token).ok();
    return found.path("hits").toString().contains("churn-risk-scores");
  }

  private boolean sparqlSees(String token) {
    String query = "SELECT ?s WHERE { GRAPH <" + CHURN_GRAPH + "> { ?s ?p ?o } } LIMIT 1";
    JsonNode result =
        http.get(
                "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                token,
                "application/sparql-results+json")
            .ok();
    return result.path("results").path("bindings").size() > 0;
  }

  private JsonNode decide(String caller, String forToken, String purpose) {
    return decideReply(caller, forToken, purpose).ok();
  }

  private SecurityHttp.Reply decideReply(String caller, String forToken, String purpose) {
    String body =
        "{\"product\":\""
            + CHURN
            + "\",\"action\":\"read\""
            + (purpose == null ? "" : ",\"purpose\":\"" + purpose + "\"")
            + (forToken == null ? "" : ",\"token\":\"" + forToken + "\"")
            + "}";
    return http.post("/api/v1/decisions", caller, body, "application/json");
  }

  private static String path(String id, String transition) {
    return "/api/v1/access-requests/" + id + "/" + transition;
  }

  private String token(String subject, String role, String domain, String attributes) {
    return http.post(
            "/api/v1/tokens",
            ADMIN,
            "{\"subject\":\""
                + subject
                + "\",\"roles\":[\""
                + role
                + "\"]"
                + (domain == null ? "" : ",\"domains\":[\"" + domain + "\"]")
                + ",\"attributes\":"
                + attributes
                + "}",
            "application/json")
        .ok()
        .path("secret")
        .asText();
  }
}
