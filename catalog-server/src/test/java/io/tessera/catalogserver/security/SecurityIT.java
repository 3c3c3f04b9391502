package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.governance.ToxicCombinationDetector;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Authentication, write authorization, policy enforcement on every REST read path, explanations,
 * toxic combinations and the audit log, over real HTTP against a server with real TDB2, Lucene and
 * H2. The mesh ({@code security/mesh.yaml}) has a {@code pii} product only EU residents may
 * discover, a product only analysts may read, and global policies.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String JWT_SECRET = "a-shared-hs256-secret-of-at-least-32-bytes!";
  private static final String WH = "postgres://wh:5432";
  private static final String PROFILES = "/api/v1/products/customer/customer-profiles";
  private static final String SEGMENTS = "/api/v1/products/customer/customer-segments";
  private static final String VISIT_PROFILES = "/api/v1/products/sales/visit-profiles";

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;
  @Inject ToxicCombinationDetector detector;

  private SecurityHttp http;
  private String euReader;
  private String usReader;
  private String analyst;
  private String producer;
  private String salesOwner;
  private String customerOwner;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-security-it", "tessera.security.jwt-secret", JWT_SECRET);
  }

  @BeforeAll
  void applyTheMeshAndIssueTokens() throws Exception {
    http = new SecurityHttp(server.getURI());
    http.post("/api/v1/descriptors", ADMIN, resource("security/mesh.yaml"), "application/yaml")
        .ok();
    euReader = token("eu-reader", "consumer", null, Map.of("region", List.of("eu")));
    usReader = token("us-reader", "consumer", null, Map.of("region", List.of("us")));
    analyst =
        token(
            "analyst",
            "consumer",
            null,
            Map.of("region", List.of("us"), "purposes", List.of("analytics")));
    producer = token("pipeline", "producer", null, Map.of());
    salesOwner = token("sales-owner", "domain-owner", "sales", Map.of());
    customerOwner = token("customer-owner", "domain-owner", "customer", Map.of());
    JsonNode accepted =
        http.post(
                "/api/v1/lineage",
                producer,
                resource("security/profiles-to-orders-run.json"),
                "application/json")
            .ok();
    assertThat(projection.awaitProjected(accepted.path("id").asLong(), Duration.ofSeconds(60)))
        .isTrue();
    awaitIndex();
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void shouldAnswer401ProblemsForMissingUnknownAndMalformedCredentials() {
    http.get("/api/v1/domains", null).problem(401, "unauthorized");
    http.get("/api/v1/domains", "tsr_not-a-token").problem(401, "unauthorized");
    assertThat(http.get("/health", null).status()).isEqualTo(200);
    assertThat(http.get("/", null, "text/html").status()).isEqualTo(200);
  }

  @Test
  void shouldShowTheSecretOnceAndStopAcceptingARevokedToken() {
    JsonNode issued =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"short-lived\",\"roles\":[\"consumer\"],\"attributes\":{\"region\":[\"eu\"]}}",
                "application/json")
            .ok();
    String secret = issued.path("secret").asText();
    String id = issued.path("token").path("id").asText();
    assertThat(secret).startsWith("tsr_");
    assertThat(http.get("/api/v1/domains", secret).status()).isEqualTo(200);
    String listed = http.get("/api/v1/tokens?subject=short-lived", ADMIN).body();
    assertThat(listed).contains(id).doesNotContain(secret);

    assertThat(http.delete("/api/v1/tokens/" + id, ADMIN).ok().path("revokedAt").isNull())
        .isFalse();
    JsonNode problem = http.get("/api/v1/domains", secret).problem(401, "unauthorized");
    assertThat(problem.path("detail").asText()).contains("revoked");
  }

  @Test
  void shouldRejectATokenAfterItsExpiry() throws InterruptedException {
    Instant expiry = Instant.now().plusSeconds(2);
    String secret =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"expiring\",\"roles\":[\"consumer\"],\"expiresAt\":\""
                    + expiry
                    + "\"}",
                "application/json")
            .ok()
            .path("secret")
            .asText();
    assertThat(http.get("/api/v1/domains", secret).status()).isEqualTo(200);
    while (!Instant.now().isAfter(expiry.plusMillis(200))) {
      Thread.sleep(100);
    }
    JsonNode problem = http.get("/api/v1/domains", secret).problem(401, "unauthorized");
    assertThat(problem.path("detail").asText()).contains("expired");
  }

  @Test
  void shouldRejectInvalidTokenRequestsNamingTheField() {
    JsonNode problem =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"x\",\"roles\":[\"king\"]}",
                "application/json")
            .problem(400, "invalid-request");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("roles");
    http.post(
            "/api/v1/tokens",
            ADMIN,
            "{\"subject\":\"x\",\"roles\":[\"consumer\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
            "application/json")
        .problem(400, "invalid-request");
  }

  @Test
  void shouldAcceptHs256JwtsAndMapTheirClaims() throws Exception {
    String eu =
        jwt(
            JWT_SECRET,
            "idp-user",
            List.of("consumer"),
            List.of("eu"),
            Instant.now().plusSeconds(300));
    assertThat(http.get(PROFILES, eu).status()).isEqualTo(200);
    String us =
        jwt(
            JWT_SECRET,
            "idp-user-us",
            List.of("consumer"),
            List.of("us"),
            Instant.now().plusSeconds(300));
    http.get(PROFILES, us).problem(404, "not-found");

    String forged =
        jwt(
            "another-secret-that-is-32-bytes-long!!",
            "idp-user",
            List.of("admin"),
            List.of(),
            Instant.now().plusSeconds(300));
    http.get("/api/v1/domains", forged).problem(401, "unauthorized");
    String expired =
        jwt(
            JWT_SECRET,
            "idp-user",
            List.of("consumer"),
            List.of("eu"),
            Instant.now().minusSeconds(600));
    http.get("/api/v1/domains", expired).problem(401, "unauthorized");
  }

  // ------------------------------------------------------------------ writes by role

  @Test
  void shouldLetEachRoleWriteOnlyWhatItOwns() {
    String salesProduct =
        "apiVersion: tessera/v1\nkind: DataProduct\nmetadata: {domain: sales, name: refunds}\n"
            + "spec: {owner: \"mailto:sales@example.com\"}\n";
    String customerProduct =
        "apiVersion: tessera/v1\nkind: DataProduct\nmetadata: {domain: customer, name: loyalty}\n"
            + "spec: {owner: \"mailto:customer@example.com\"}\n";
    String globalPolicy =
        "apiVersion: tessera/v1\nkind: Policy\nmetadata: {name: no-one}\n"
            + "spec: {targets: {domains: [sales]}, prohibitions: [{actions: [read]}]}\n";

    assertThat(
            forbidden(http.post("/api/v1/descriptors", usReader, salesProduct, "application/yaml")))
        .isEqualTo("missing permission: domain-owner of sales");
    assertThat(
            http.post("/api/v1/descriptors", salesOwner, salesProduct, "application/yaml").status())
        .isEqualTo(200);
    assertThat(
            forbidden(
                http.post("/api/v1/descriptors", salesOwner, customerProduct, "application/yaml")))
        .isEqualTo("missing permission: domain-owner of customer");
    assertThat(
            forbidden(
                http.post("/api/v1/descriptors", salesOwner, globalPolicy, "application/yaml")))
        .isEqualTo("missing permission: admin");
    assertThat(
            forbidden(
                http.post(
                    "/api/v1/products/customer/customer-segments/retire", salesOwner, null, null)))
        .isEqualTo("missing permission: domain-owner of customer");
    assertThat(forbidden(http.delete("/api/v1/domains/sales", salesOwner)))
        .isEqualTo("missing permission: admin");
    assertThat(http.delete("/api/v1/products/sales/refunds", salesOwner).status()).isEqualTo(200);

    String event = resource("security/profiles-to-orders-run.json");
    assertThat(forbidden(http.post("/api/v1/lineage", salesOwner, event, "application/json")))
        .isEqualTo("missing permission: producer");
    assertThat(forbidden(http.get("/api/v1/events/lineage", usReader)))
        .isEqualTo("missing permission: producer");
    assertThat(http.get("/api/v1/events/lineage", producer).status()).isEqualTo(200);
    assertThat(forbidden(http.get("/api/v1/admin/lineage/status", producer)))
        .isEqualTo("missing permission: admin");
    assertThat(forbidden(http.get("/api/v1/admin/lineage/kafka", producer)))
        .isEqualTo("missing permission: admin");
    assertThat(forbidden(http.get("/api/v1/admin/snapshots", salesOwner)))
        .isEqualTo("missing permission: admin");
    assertThat(forbidden(http.post("/api/v1/admin/snapshots", producer, "", "application/json")))
        .isEqualTo("missing permission: admin");
    assertThat(forbidden(http.get("/api/v1/audit", salesOwner)))
        .isEqualTo("missing permission: admin");
    assertThat(forbidden(http.get("/api/v1/admin/git", usReader)))
        .isEqualTo("missing permission: admin or domain-owner of a domain managed in Git");
    assertThat(forbidden(http.get("/api/v1/admin/git", salesOwner)))
        .as("no repository is configured, so no domain is managed in Git")
        .isEqualTo("missing permission: admin or domain-owner of a domain managed in Git");
    assertThat(forbidden(http.post("/api/v1/admin/git/sync", salesOwner, null, null)))
        .isEqualTo("missing permission: admin");
    http.get("/api/v1/admin/git", null).problem(401, "unauthorized");
    http.get("/api/v1/admin/git", ADMIN).problem(404, "not-found");
    http.post("/api/v1/admin/git/sync", ADMIN, null, null).problem(404, "not-found");

    assertThat(
            forbidden(
                http.post(
                    "/api/v1/tokens",
                    usReader,
                    "{\"subject\":\"x\",\"roles\":[\"consumer\"]}",
                    "application/json")))
        .isEqualTo("missing permission: admin or domain-owner");
    assertThat(
            http.post(
                    "/api/v1/tokens",
                    salesOwner,
                    "{\"subject\":\"sales-analyst\",\"roles\":[\"consumer\"],\"domains\":[\"sales\"]}",
                    "application/json")
                .status())
        .isEqualTo(201);
    assertThat(
            forbidden(
                http.post(
                    "/api/v1/tokens",
                    salesOwner,
                    "{\"subject\":\"spy\",\"roles\":[\"consumer\"],\"domains\":[\"customer\"]}",
                    "application/json")))
        .isEqualTo("missing permission: domain-owner of customer");
  }

  @Test
  void shouldAuditWritesDenialsAndTokens() {
    http.get("/api/v1/domains", "tsr_bogus").problem(401, "unauthorized");
    http.post(
            "/api/v1/descriptors",
            customerOwner,
            "apiVersion: tessera/v1\nkind: DataProduct\nmetadata: {domain: customer, name: zz-audited}\n"
                + "spec: {owner: \"mailto:customer@example.com\"}\n",
            "application/yaml")
        .ok();
    http.post(
        "/api/v1/descriptors",
        customerOwner,
        "apiVersion: tessera/v1\nkind: DataProduct\nmetadata: {domain: sales, name: audited}\n"
            + "spec: {owner: \"mailto:customer@example.com\"}\n",
        "application/yaml");
    JsonNode page = http.get("/api/v1/audit?subject=customer-owner&limit=1000", ADMIN).ok();
    List<JsonNode> events = StreamSupport.stream(page.path("items").spliterator(), false).toList();
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.path("action").asText()).isEqualTo("apply");
              assertThat(e.path("entity").asText())
                  .isEqualTo("https://tessera.local/product/customer/zz-audited");
              assertThat(e.path("outcome").asText()).isEqualTo("created");
              assertThat(e.path("afterRevision").asInt()).isEqualTo(1);
            })
        .anySatisfy(
            e -> {
              assertThat(e.path("outcome").asText()).isEqualTo("denied");
              assertThat(e.path("detail").asText()).isEqualTo("missing domain-owner of sales");
            });
    JsonNode tokens = http.get("/api/v1/audit?action=token-create&limit=1000", ADMIN).ok();
    assertThat(tokens.path("items").toString()).contains("for customer-owner");
    JsonNode unauthenticated = http.get("/api/v1/audit?subject=unknown&limit=1000", ADMIN).ok();
    assertThat(unauthenticated.path("items").toString()).contains("unauthenticated");
  }

  // ------------------------------------------------------------------ the leak matrix

  @Test
  void shouldLeaveNoTraceOfAnUndiscoverableProductOnAnyRestPath() {
    // The EU reader sees everything the US reader must not, so each check below can fail.
    List<Integer> shapes = new ArrayList<>();
    for (String[] reader : new String[][] {{euReader, "eu"}, {usReader, "us"}}) {
      boolean sees = reader[1].equals("eu");
      String token = reader[0];
      assertThat(http.get(PROFILES, token).status()).isEqualTo(sees ? 200 : 404);
      assertThat(http.get(PROFILES, token, "text/turtle").status()).isEqualTo(sees ? 200 : 404);
      assertThat(http.get(PROFILES + "/revisions", token).status()).isEqualTo(sees ? 200 : 404);
      assertThat(http.get(PROFILES + "/revisions/1", token).status()).isEqualTo(sees ? 200 : 404);
      assertThat(http.get(PROFILES + "/observation", token).status()).isEqualTo(sees ? 200 : 404);
      assertThat(
              http.get("/api/v1/products?domain=customer", token)
                  .body()
                  .contains("customer-profiles"))
          .isEqualTo(sees);
      assertThat(
              http.get("/api/v1/products?limit=1&domain=customer", token)
                  .ok()
                  .path("items")
                  .get(0)
                  .path("name")
                  .asText())
          .isEqualTo(sees ? "customer-profiles" : "customer-segments");
      assertThat(
              http.get("/api/v1/domains/customer/observation", token)
                  .body()
                  .contains("customer.public.profiles"))
          .isEqualTo(sees);

      JsonNode search = http.get("/api/v1/search?q=zanzibarite", token).ok();
      assertThat(search.path("total").asLong() > 0).isEqualTo(sees);
      assertThat(search.path("hits").toString().contains("customer-profiles")).isEqualTo(sees);
      assertThat(http.get("/api/v1/search?q=quixotrel", token).ok().path("total").asLong() > 0)
          .isEqualTo(sees);
      JsonNode facets = http.get("/api/v1/search?q=&type=product", token).ok().path("facets");
      assertThat(facets.path("classification").toString().contains("pii")).isEqualTo(sees);
      JsonNode suggest = http.get("/api/v1/search/suggest?prefix=zanzib", token).ok();
      assertThat(suggest.path("suggestions").size() > 0).isEqualTo(sees);
      assertThat(
              http.get("/api/v1/search?q=passport_number", token).ok().path("total").asLong() > 0)
          .isEqualTo(sees);

      JsonNode lineage =
          http.get(
                  "/api/v1/lineage?nodeId="
                      + enc("dataset:" + WH + ":sales.public.orders")
                      + "&depth=2",
                  token)
              .ok();
      String text = lineage.toString();
      assertThat(text.contains("customer.public.profiles")).isEqualTo(sees);
      assertThat(text.contains("restricted:1")).isEqualTo(!sees);
      shapes.add(lineage.path("graph").size());
      SecurityHttp.Reply direct =
          http.get(
              "/api/v1/lineage?nodeId=" + enc("dataset:" + WH + ":customer.public.profiles"),
              token);
      assertThat(direct.status()).isEqualTo(sees ? 200 : 404);
    }
    assertThat(shapes.get(1)).as("the lineage graph keeps its shape").isEqualTo(shapes.get(0));
    assertThat(shapes.get(0)).isGreaterThanOrEqualTo(3);
    SecurityHttp.Reply missing = http.get("/api/v1/products/customer/no-such-product", usReader);
    SecurityHttp.Reply hidden = http.get(PROFILES, usReader);
    assertThat(hidden.json().path("detail").asText())
        .isEqualTo(
            missing.json().path("detail").asText().replace("no-such-product", "customer-profiles"));
  }

  @Test
  void shouldShowAReadDeniedProductWithoutConnectionDetailsOrSchema() {
    JsonNode outline = http.get(SEGMENTS, usReader).ok();
    assertThat(outline.path("title").asText()).isEqualTo("Customer Segments");
    JsonNode port = outline.path("outputPorts").get(0);
    assertThat(port.path("name").asText()).isEqualTo("segments-table");
    assertThat(port.has("dataset")).isFalse();
    assertThat(port.has("schema")).isFalse();
    assertThat(http.get(SEGMENTS, usReader, "text/turtle").body())
        .doesNotContain("customer.public.segments");
    assertThat(http.get(SEGMENTS + "/revisions", usReader).body()).doesNotContain("segment_code");

    JsonNode full = http.get(SEGMENTS, analyst).ok();
    assertThat(full.path("outputPorts").get(0).path("dataset").path("name").asText())
        .isEqualTo("customer.public.segments");
    assertThat(full.path("outputPorts").get(0).path("schema").toString()).contains("segment_code");
    assertThat(http.get(SEGMENTS + "/revisions", analyst).body()).contains("segment_code");
    assertThat(http.get(SEGMENTS, customerOwner).ok().path("outputPorts").get(0).has("dataset"))
        .isTrue();
  }

  // ------------------------------------------------------------------ explain and evaluate

  @Test
  void shouldExplainWhichPolicyAndConstraintDecided() {
    JsonNode denied =
        http.get(
                "/api/v1/policies/explain?product=customer/customer-profiles&subject=us-reader",
                ADMIN)
            .ok();
    assertThat(denied.path("discover").path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("discover").path("policy").asText()).isEqualTo("global/eu-only-pii");
    assertThat(denied.path("discover").path("constraint").asText()).contains("region isAnyOf [eu]");
    JsonNode permitted =
        http.get(
                "/api/v1/policies/explain?product=customer/customer-profiles&subject=eu-reader",
                ADMIN)
            .ok();
    assertThat(permitted.path("read").path("allowed").asBoolean()).isTrue();
    assertThat(permitted.path("read").path("rule").asText()).isEqualTo("permissions[0]");
    JsonNode open =
        http.get("/api/v1/policies/explain?product=sales/orders&subject=us-reader", ADMIN).ok();
    assertThat(open.path("discover").path("reason").asText()).isEqualTo("no policy restricts it");
    forbidden(
        http.get("/api/v1/policies/explain?product=sales/orders&subject=us-reader", euReader));

    // the owners who decide who gets access may ask about their own domain's products only
    JsonNode asOwner =
        http.get(
                "/api/v1/policies/explain?product=customer/customer-profiles&subject=us-reader",
                customerOwner)
            .ok();
    assertThat(asOwner.path("discover").path("policy").asText()).isEqualTo("global/eu-only-pii");
    assertThat(asOwner.path("discover").path("allowed").asBoolean()).isFalse();
    var otherDomain =
        http.get("/api/v1/policies/explain?product=sales/orders&subject=us-reader", customerOwner);
    var otherDomainMissing =
        http.get(
            "/api/v1/policies/explain?product=sales/no-such-product&subject=us-reader",
            customerOwner);
    assertThat(forbidden(otherDomainMissing))
        .as("another domain's product is refused alike whether or not it exists")
        .isEqualTo(forbidden(otherDomain))
        .isEqualTo("missing permission: admin or domain-owner of sales");
  }

  @Test
  void shouldFlagAToxicCombinationWhenProductsAreReadTogether() {
    String body = "{\"products\":[\"customer/customer-profiles\",\"sales/store-visits\"]}";
    JsonNode eu = http.post("/api/v1/policies/evaluate", euReader, body, "application/json").ok();
    assertThat(eu.path("products").size()).isEqualTo(2);
    assertThat(eu.path("classifications").toString()).contains("restricted");
    assertThat(eu.path("toxicCombinations").get(0).asText()).contains("global/eu-only-pii");
    assertThat(eu.path("combined").path("allowed").asBoolean()).isFalse();
    assertThat(eu.path("combined").path("policy").asText())
        .isEqualTo("global/restricted-needs-clearance");

    String cleared =
        token(
            "cleared",
            "consumer",
            null,
            Map.of("region", List.of("eu"), "clearances", List.of("restricted-data")));
    assertThat(
            http.post("/api/v1/policies/evaluate", cleared, body, "application/json")
                .ok()
                .path("combined")
                .path("allowed")
                .asBoolean())
        .isTrue();
    JsonNode us = http.post("/api/v1/policies/evaluate", usReader, body, "application/json").ok();
    assertThat(us.toString()).doesNotContain("pii").doesNotContain("eu-only");
    assertThat(us.path("combined").path("allowed").asBoolean()).isFalse();
  }

  @Test
  void shouldRecordAToxicCombinationFromLineageAndRestrictTheOutputs() throws Exception {
    String cleared =
        token(
            "cleared-reader",
            "consumer",
            null,
            Map.of("region", List.of("eu"), "clearances", List.of("restricted-data")));
    assertThat(http.get(VISIT_PROFILES, euReader).ok().path("outputPorts").get(0).has("dataset"))
        .isTrue();

    JsonNode accepted =
        http.post(
                "/api/v1/lineage",
                producer,
                resource("security/toxic-join-run.json"),
                "application/json")
            .ok();
    assertThat(projection.awaitProjected(accepted.path("id").asLong(), Duration.ofSeconds(60)))
        .isTrue();
    assertThat(detector.awaitIdle(60, TimeUnit.SECONDS)).isTrue();

    JsonNode findings = http.get("/api/v1/policies/findings", ADMIN).ok();
    assertThat(findings.size()).isEqualTo(1);
    JsonNode finding = findings.get(0);
    assertThat(finding.path("job").asText()).isEqualTo("crm-etl:join_visits_to_profiles");
    assertThat(finding.path("combination").toString()).isEqualTo("[\"pii\",\"precise-location\"]");
    assertThat(finding.path("result").asText()).isEqualTo("restricted");
    assertThat(finding.path("outputProducts").toString()).isEqualTo("[\"sales/visit-profiles\"]");
    assertThat(finding.path("owners").toString()).contains("customer", "sales");
    assertThat(http.get("/api/v1/policies/findings", salesOwner).ok().size()).isEqualTo(1);

    // the output product now carries "restricted": reading it needs the clearance
    assertThat(http.get(VISIT_PROFILES, euReader).ok().path("outputPorts").get(0).has("dataset"))
        .isFalse();
    assertThat(http.get(VISIT_PROFILES, cleared).ok().path("outputPorts").get(0).has("dataset"))
        .isTrue();
  }

  @Test
  void shouldRejectAnInvalidPolicyNamingTheField() {
    String policy =
        "apiVersion: tessera/v1\nkind: Policy\nmetadata: {domain: sales, name: bad}\n"
            + "spec:\n  targets: {products: [customer/customer-profiles]}\n"
            + "  permissions:\n    - actions: [peek]\n      constraints: [{attribute: shoe-size, values: [42]}]\n";
    JsonNode problem =
        http.post("/api/v1/descriptors", ADMIN, policy, "application/yaml")
            .problem(400, "invalid-descriptor");
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertThat(fields)
        .contains(
            "documents[0].spec.targets.products[0]",
            "documents[0].spec.permissions[0].actions[0]",
            "documents[0].spec.permissions[0].constraints[0].attribute");
  }

  // ------------------------------------------------------------------ helpers

  private static String forbidden(SecurityHttp.Reply reply) {
    return reply.problem(403, "forbidden").path("detail").asText();
  }

  private String token(
      String subject, String role, String domain, Map<String, List<String>> attributes) {
    ObjectNode request = SecurityHttp.JSON.createObjectNode();
    request.put("subject", subject);
    request.putArray("roles").add(role);
    if (domain != null) {
      request.putArray("domains").add(domain);
    }
    request.set("attributes", SecurityHttp.JSON.valueToTree(attributes));
    return http.post("/api/v1/tokens", ADMIN, request.toString(), "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private static String jwt(
      String secret, String subject, List<String> roles, List<String> region, Instant expiry)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .claim("roles", roles)
            .claim("region", region)
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private void awaitIndex() throws InterruptedException {
    long revision;
    do {
      revision = store.revision();
      assertThat(index.awaitRevision(revision, Duration.ofSeconds(60))).isTrue();
    } while (store.revision() != revision);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String resource(String name) {
    try (InputStream in = SecurityIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
