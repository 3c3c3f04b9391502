package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who may grant what through a token, producers scoped to domains and namespaces, and the raw
 * journal per poster, over real HTTP. The mesh ({@code security/producer-scopes/mesh.yaml}) has a
 * {@code pii} customer product only EU residents may discover, another customer product in its own
 * namespace, and a sales product; all planned.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProducerScopeIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String WH = "postgres://wh:5432";
  private static final String PROFILES = "/api/v1/products/customer/customer-profiles";
  private static final String SEGMENTS = "/api/v1/products/customer/customer-segments";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private SecurityHttp http;
  private String salesOwner;
  private String salesProducer;
  private String lakeProducer;
  private String consumer;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-producer-scope-it", "tessera.security.anonymous-read", "true");
  }

  @BeforeAll
  void applyTheMeshAndIssueTokens() {
    http = new SecurityHttp(server.getURI());
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            resource("security/producer-scopes/mesh.yaml"),
            "application/yaml")
        .ok();
    salesOwner =
        mint(
            ADMIN,
            "{\"subject\":\"sales-owner\",\"roles\":[\"domain-owner\"],\"domains\":[\"sales\"]}");
    salesProducer =
        mint(
            salesOwner,
            "{\"subject\":\"sales-etl\",\"roles\":[\"producer\"],\"domains\":[\"sales\"]}");
    lakeProducer =
        mint(
            ADMIN,
            "{\"subject\":\"lake-etl\",\"roles\":[\"producer\"],\"namespaces\":[\"s3://customer-lake\"]}");
    consumer = mint(ADMIN, "{\"subject\":\"reader\",\"roles\":[\"consumer\"]}");
  }

  // ------------------------------------------------------------------ who may grant what

  @Test
  void shouldRefuseAnOwnerMintedResidencyAndKeepTheHiddenProductHidden() {
    String attack =
        "{\"subject\":\"fake-eu\",\"roles\":[\"consumer\"],\"domains\":[\"sales\"],"
            + "\"attributes\":{\"region\":[\"eu\"]}}";

    JsonNode problem =
        http.post("/api/v1/tokens", salesOwner, attack, "application/json")
            .problem(403, "forbidden");

    assertThat(problem.path("detail").asText())
        .startsWith("missing permission: admin (to grant attributes: region");
    assertThat(http.get("/api/v1/tokens?subject=fake-eu", ADMIN).json()).isEmpty();
    assertThat(audit("sales-owner", "authorize").toString())
        .contains("missing admin (to grant attributes: region");
    String ownerMinted =
        mint(
            salesOwner,
            "{\"subject\":\"fake-eu\",\"roles\":[\"consumer\"],\"domains\":[\"sales\"]}");
    http.get(PROFILES, ownerMinted).problem(404, "not-found");
    String adminMintedEu =
        mint(
            ADMIN,
            "{\"subject\":\"real-eu\",\"roles\":[\"consumer\"],\"attributes\":{\"region\":[\"eu\"]}}");
    assertThat(http.get(PROFILES, adminMintedEu).status()).isEqualTo(200);
  }

  @Test
  void shouldLetAnOwnerMintOnlyConsumerAndProducerTokensWithoutNamespaces() {
    assertThat(
            forbidden(
                http.post(
                    "/api/v1/tokens",
                    salesOwner,
                    "{\"subject\":\"deputy\",\"roles\":[\"domain-owner\"],\"domains\":[\"sales\"]}",
                    "application/json")))
        .isEqualTo("missing permission: admin (to grant the domain-owner role)");
    assertThat(
            forbidden(
                http.post(
                    "/api/v1/tokens",
                    salesOwner,
                    "{\"subject\":\"wide-etl\",\"roles\":[\"producer\"],\"domains\":[\"sales\"],"
                        + "\"namespaces\":[\"postgres://wh:5432\"]}",
                    "application/json")))
        .isEqualTo("missing permission: admin (to grant namespaces)");
    assertThat(
            forbidden(
                http.post(
                    "/api/v1/tokens",
                    salesOwner,
                    "{\"subject\":\"any-etl\",\"roles\":[\"producer\"]}",
                    "application/json")))
        .isEqualTo("missing permission: domain-owner of the token's domains");
  }

  @Test
  void shouldRejectAnUnknownAttributeKeyNamingTheAllowedOnes() {
    JsonNode problem =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"auditor\",\"roles\":[\"consumer\"],"
                    + "\"attributes\":{\"purpose\":[\"auditing\"]}}",
                "application/json")
            .problem(400, "invalid-request");

    JsonNode error = problem.path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("attributes.purpose");
    assertThat(error.path("message").asText()).contains("region, purposes, clearances");
    assertThat(http.get("/api/v1/tokens?subject=auditor", ADMIN).json()).isEmpty();
  }

  @Test
  void shouldStoreAndListAProducersNamespaces() {
    JsonNode listed = http.get("/api/v1/tokens?subject=lake-etl", ADMIN).ok();

    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("namespaces").toString()).isEqualTo("[\"s3://customer-lake\"]");
    JsonNode problem =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"bi\",\"roles\":[\"consumer\"],\"namespaces\":[\"s3://x\"]}",
                "application/json")
            .problem(400, "invalid-request");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("namespaces");
  }

  // ------------------------------------------------------------------ scoped producers

  @Test
  void shouldRefuseAnotherDomainsDatasetAuditedWithNothingJournaled() {
    long journaled = journalTotal();

    String detail =
        forbidden(
            http.post(
                "/api/v1/lineage",
                salesProducer,
                run("profiles_overwrite", WH, "customer.public.profiles"),
                "application/json"));

    assertThat(detail)
        .isEqualTo(
            "missing permission: producer for domain customer (output dataset"
                + " 'customer.public.profiles' in namespace 'postgres://wh:5432' is claimed by a"
                + " product of customer)");
    assertThat(audit("sales-etl", "authorize").toString())
        .contains("POST /api/v1/lineage")
        .contains("customer.public.profiles");
    String datasetEvent =
        "{\"eventTime\":\"2026-03-10T06:00:00Z\",\"producer\":\"https://example.com/t\","
            + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent\","
            + "\"dataset\":{\"namespace\":\"s3://customer-lake\",\"name\":\"segments\"}}";
    assertThat(
            forbidden(
                http.post("/api/v1/lineage", salesProducer, datasetEvent, "application/json")))
        .contains("'segments' in namespace 's3://customer-lake'");
    assertThat(journalTotal()).isEqualTo(journaled);

    // a later accepted event is projected: had the refused one been journaled, it would be too
    awaitProjected(
        http.post(
                "/api/v1/lineage",
                salesProducer,
                run("orders_load", WH, "sales.public.orders"),
                "application/json")
            .ok());
    assertThat(http.get(PROFILES, ADMIN).ok().path("state").asText()).isEqualTo("planned");
    assertThat(http.get("/api/v1/products/sales/orders", ADMIN).ok().path("state").asText())
        .isEqualTo("physical");
  }

  @Test
  void shouldNotLetAReaderChangeTheObservedSchemaOfAnotherDomainsDataset() {
    awaitProjected(
        http.post(
                "/api/v1/lineage",
                lakeProducer,
                run("segments_build", "s3://customer-lake", "segments"),
                "application/json")
            .ok());
    String fields = observedFields();
    assertThat(fields).contains("\"id\"");

    // a sales pipeline reads the customer segments and reports another schema for them
    String reading =
        run("orders_enrich", WH, "sales.public.orders")
            .replace(
                "\"inputs\":[]",
                "\"inputs\":[{\"namespace\":\"s3://customer-lake\",\"name\":\"segments\","
                    + "\"facets\":{\"schema\":{\"_producer\":\"https://example.com/t\","
                    + "\"_schemaURL\":\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json\","
                    + "\"fields\":[{\"name\":\"forged_column\",\"type\":\"STRING\"}]}}}]");
    awaitProjected(http.post("/api/v1/lineage", salesProducer, reading, "application/json").ok());

    assertThat(observedFields()).isEqualTo(fields).doesNotContain("forged_column");
  }

  private String observedFields() {
    return http.post(
            "/graphql",
            ADMIN,
            "{\"query\":\"{ dataset(namespace: \\\"s3://customer-lake\\\", name: \\\"segments\\\")"
                + " { versions(first: 10) { edges { node { fields { edges { node { name } } } } } } } }\"}",
            "application/json")
        .ok()
        .toString();
  }

  @Test
  void shouldAcceptUnclaimedDatasetsAndDatasetsInTheProducersNamespace() {
    awaitProjected(
        http.post(
                "/api/v1/lineage",
                salesProducer,
                run("scratch", WH, "scratch.tmp_orders"),
                "application/json")
            .ok());
    awaitProjected(
        http.post(
                "/api/v1/lineage",
                lakeProducer,
                run("segments_build", "s3://customer-lake", "segments"),
                "application/json")
            .ok());

    assertThat(http.get(SEGMENTS, ADMIN).ok().path("state").asText()).isEqualTo("physical");
    assertThat(
            forbidden(
                http.post(
                    "/api/v1/lineage",
                    lakeProducer,
                    run("profiles_from_lake", WH, "customer.public.profiles"),
                    "application/json")))
        .contains("producer for domain customer");
  }

  // ------------------------------------------------------------------ the raw journal

  @Test
  void shouldShowAProducerOnlyTheEventsItPosted() {
    String salesJob = "journal_sales_" + UUID.randomUUID();
    String lakeJob = "journal_lake_" + UUID.randomUUID();
    http.post(
            "/api/v1/lineage",
            salesProducer,
            run(salesJob, WH, "scratch.journal"),
            "application/json")
        .ok();
    http.post(
            "/api/v1/lineage",
            lakeProducer,
            run(lakeJob, "s3://customer-lake", "segments"),
            "application/json")
        .ok();
    // the same event again from another producer is a duplicate: it keeps its first poster
    JsonNode again =
        http.post(
                "/api/v1/lineage",
                lakeProducer,
                run(salesJob, WH, "scratch.journal"),
                "application/json")
            .ok();
    assertThat(again.path("duplicate").asBoolean()).isTrue();

    List<String> salesSees = jobsInJournal(salesProducer);
    List<String> lakeSees = jobsInJournal(lakeProducer);
    List<String> adminSees = jobsInJournal(ADMIN);

    assertThat(salesSees).contains(salesJob).doesNotContain(lakeJob);
    assertThat(lakeSees).contains(lakeJob).doesNotContain(salesJob);
    assertThat(adminSees).contains(salesJob, lakeJob);
    assertThat(forbidden(http.get("/api/v1/events/lineage", consumer)))
        .isEqualTo("missing permission: producer");
    http.get("/api/v1/events/lineage", null).problem(401, "unauthorized");
  }

  // ------------------------------------------------------------------ helpers

  private String mint(String creator, String request) {
    return http.post("/api/v1/tokens", creator, request, "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private static String run(String job, String namespace, String name) {
    return "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-03-10T06:05:00Z\","
        + "\"producer\":\"https://example.com/tessera-tests\","
        + "\"run\":{\"runId\":\""
        + UUID.nameUUIDFromBytes((job + namespace + name).getBytes(StandardCharsets.UTF_8))
        + "\"},\"job\":{\"namespace\":\"etl\",\"name\":\""
        + job
        + "\"},\"inputs\":[],\"outputs\":[{\"namespace\":\""
        + namespace
        + "\",\"name\":\""
        + name
        + "\",\"facets\":{\"schema\":{\"_producer\":\"https://example.com/t\","
        + "\"_schemaURL\":\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json\","
        + "\"fields\":[{\"name\":\"id\",\"type\":\"BIGINT\"}]}}}]}";
  }

  private void awaitProjected(JsonNode accepted) {
    try {
      assertThat(projection.awaitProjected(accepted.path("id").asLong(), Duration.ofSeconds(60)))
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long journalTotal() {
    return http.get("/api/v1/events/lineage?limit=1", ADMIN).ok().path("totalCount").asLong();
  }

  private List<String> jobsInJournal(String token) {
    List<String> jobs = new ArrayList<>();
    http.get("/api/v1/events/lineage?limit=1000", token)
        .ok()
        .path("events")
        .forEach(e -> jobs.add(e.path("job").path("name").asText()));
    return jobs;
  }

  private JsonNode audit(String subject, String action) {
    return http.get(
            "/api/v1/audit?subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8)
                + "&action="
                + action
                + "&limit=1000",
            ADMIN)
        .ok()
        .path("items");
  }

  private static String forbidden(SecurityHttp.Reply reply) {
    return reply.problem(403, "forbidden").path("detail").asText();
  }

  private static String resource(String name) {
    try (InputStream in = ProducerScopeIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
