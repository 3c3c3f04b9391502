package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.netflix.graphql.dgs.client.GraphQLResponse;
import com.nimbusds.jose.JOSEException;
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
import io.tessera.catalogserver.graphql.GraphQLTestClient;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.IriMinter;
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
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The leak matrix for GraphQL, SPARQL and the RDF export with real policies and real tokens: a
 * product classified {@code eu-confidential} (only EU residents may discover and read it) whose
 * dataset sits in the middle of real lineage, and a product anyone may discover but only readers
 * with the {@code auditing} purpose may read ({@code security/leak-matrix/}). Every check runs for
 * a reader who may see the product and one who may not, so each can fail. Tokens of one's own
 * ({@code /api/v1/me/tokens}) are listed and revoked by their person only.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyLeakMatrixIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String JWT_SECRET = "leak-matrix-jwt-secret-0123456789abcdef";
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final String NS = "postgres://lk:5432";
  private static final String WORD = "vellichor";
  private static final String JSON_TYPE = "application/json";
  private static final String HIDDEN = IRIS.product("fjord", "vellichor-ledger");
  private static final String HIDDEN_DATASET = "fjord.public.vellichor_ledger";
  private static final String UNREADABLE = IRIS.product("fjord", "quillon-accounts");
  private static final List<String> UNREADABLE_DETAILS =
      List.of("quillon_iban", "quillon_bic", "Quillon Accounts");
  private static final String MENTIONS_WORD =
      "FILTER(CONTAINS(LCASE(STR(?s)), \"vellichor\") || CONTAINS(LCASE(STR(?o)), \"vellichor\")"
          + " || ?s = <"
          + HIDDEN
          + "> || ?o = <"
          + HIDDEN
          + ">)";

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  private SecurityHttp http;
  private Reader eu;
  private Reader us;
  private String auditor;
  private String fjordOwner;

  /** A consumer token and whether its policies let it see the eu-confidential product. */
  record Reader(String token, boolean sees) {}

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-leak-matrix-it",
        "tessera.security.anonymous-read",
        "true",
        "tessera.security.jwt-secret",
        JWT_SECRET,
        "tessera.search.semantic.enabled",
        "true");
  }

  @BeforeAll
  void applyTheMeshPostLineageAndIssueTokens() throws Exception {
    http = new SecurityHttp(server.getURI());
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            resource("security/leak-matrix/mesh.yaml"),
            "application/yaml")
        .ok();
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            resource("security/leak-matrix/quillon-v2.yaml"),
            "application/yaml")
        .ok();
    eu = new Reader(token("leak-eu", Map.of("region", List.of("eu"))), true);
    us = new Reader(token("leak-us", Map.of("region", List.of("us"))), false);
    auditor =
        token("leak-auditor", Map.of("region", List.of("us"), "purposes", List.of("auditing")));
    fjordOwner =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"leak-fjord-owner\",\"roles\":[\"domain-owner\"],"
                    + "\"domains\":[\"fjord\"]}",
                "application/json")
            .ok()
            .path("secret")
            .asText();
    String producer = tokenWithRole("leak-pipeline", "producer");
    long last = 0;
    for (JsonNode event : SecurityHttp.JSON.readTree(resource("security/leak-matrix/runs.json"))) {
      JsonNode accepted =
          http.post("/api/v1/lineage", producer, event.toString(), "application/json").ok();
      last = Math.max(last, accepted.path("id").asLong());
    }
    assertThat(projection.awaitProjected(last, Duration.ofSeconds(60))).isTrue();
    long revision;
    do {
      revision = store.revision();
      assertThat(index.awaitRevision(revision, Duration.ofSeconds(60))).isTrue();
    } while (store.revision() != revision);
  }

  // ------------------------------------------------------------------ GraphQL

  @Test
  void shouldShowHealthDetailsToAdminsOnlyAndNoProductInThemOrInTheServiceDescription() {
    SecurityHttp.Reply anonymous = http.get("/health", null);
    for (String token : List.of(eu.token(), us.token(), auditor, fjordOwner)) {
      SecurityHttp.Reply health = http.get("/health", token);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body()).isEqualTo(anonymous.body());
      assertThat(health.ok().has("details")).isFalse();
    }
    SecurityHttp.Reply admin = http.get("/health", ADMIN);
    assertThat(admin.ok().path("details").has("catalog-components")).isTrue();
    assertThat(admin.body()).doesNotContain(WORD, "quillon");

    String described = http.get("/sparql", eu.token(), "text/turtle").body();
    assertThat(described).contains("sparql-service-description").doesNotContain(WORD, "fjord");
    for (String token : List.of(us.token(), ADMIN)) {
      assertThat(
              turtle(http.get("/sparql", token, "text/turtle").body())
                  .isIsomorphicWith(turtle(described)))
          .isTrue();
    }
  }

  private static Model turtle(String text) {
    Model model = ModelFactory.createDefaultModel();
    RDFParser.fromString(text, Lang.TURTLE).parse(model);
    return model;
  }

  @Test
  void shouldResolveTheHiddenProductsIdsOnlyForTheReaderWhoMaySeeIt() {
    GraphQLResponse seen =
        graphql(
            eu.token(),
            """
            { product(domain: "fjord", name: "vellichor-ledger") {
                id outputPorts { edges { node { id dataset { id } } } } } }""",
            Map.of());
    String productId = seen.extractValue("product.id");
    String portId = seen.extractValue("product.outputPorts.edges[0].node.id");
    String datasetId = seen.extractValue("product.outputPorts.edges[0].node.dataset.id");
    assertThat(List.of(productId, portId, datasetId)).doesNotContainNull();

    String query =
        """
        query($id: ID!, $ids: [ID!]!) {
          node(id: $id) { id ... on DataProduct { title } }
          nodes(ids: $ids) { id }
          product(domain: "fjord", name: "vellichor-ledger") { title }
          dataset(namespace: "%s", name: "%s") { name }
        }"""
            .formatted(NS, HIDDEN_DATASET);
    for (Reader reader : List.of(eu, us)) {
      GraphQLResponse r =
          graphql(
              reader.token(),
              query,
              Map.of("id", productId, "ids", List.of(productId, portId, datasetId)));
      if (reader.sees()) {
        assertThat(r.<String>extractValue("node.title")).isEqualTo("Vellichor Ledger");
        assertThat(r.<List<Object>>extractValue("nodes")).hasSize(3).doesNotContainNull();
        assertThat(r.<String>extractValue("dataset.name")).isEqualTo(HIDDEN_DATASET);
      } else {
        assertThat(r.<Object>extractValue("node")).isNull();
        assertThat(r.<List<Object>>extractValue("nodes")).hasSize(3).containsOnlyNulls();
        assertThat(r.<Object>extractValue("product")).isNull();
        assertThat(r.<Object>extractValue("dataset")).isNull();
      }
      assertThat(mentionsWord(r)).isEqualTo(reader.sees());
    }
  }

  @Test
  void shouldListTheHiddenProductOnlyForTheReaderWhoMaySeeIt() {
    String query =
        """
        { products(first: 500) { edges { node { name } } }
          inDomain: products(domain: "fjord", first: 500) { edges { node { name } } }
          domain(name: "fjord") { products(first: 100) { edges { node { name } } } }
          domains(first: 50) { edges { node { products(first: 100) { edges { node { name } } } } } }
          unownedDatasets(first: 100) { edges { node { name } } } }""";
    for (Reader reader : List.of(eu, us)) {
      GraphQLResponse r = graphql(reader.token(), query, Map.of());
      for (String path :
          List.of(
              "products.edges[*].node.name",
              "inDomain.edges[*].node.name",
              "domain.products.edges[*].node.name",
              "domains.edges[*].node.products.edges[*].node.name")) {
        List<String> names = r.extractValue(path);
        assertThat(names).as(path).contains("raw-events", "quillon-accounts");
        assertThat(names.contains("vellichor-ledger")).as(path).isEqualTo(reader.sees());
      }
      assertThat(mentionsWord(r)).isEqualTo(reader.sees());
    }
  }

  @Test
  void shouldFindTheHiddenProductInSearchAndSuggestOnlyForTheReaderWhoMaySeeIt() {
    String query =
        """
        { byWord: search(query: "vellichor", first: 50) {
            total hits { edges { node { iri title qualifiedName entity { id } } } } }
          byColumn: search(query: "vellichor_amount", first: 50) {
            total hits { edges { node { iri title } } } }
          products: search(filter: { types: ["product"] }, first: 1) {
            facets { dimension values { value count } } }
          suggest(prefix: "vellich", first: 20) { edges { node { iri title } } } }""";
    for (Reader reader : List.of(eu, us)) {
      GraphQLResponse r = graphql(reader.token(), query, Map.of());
      assertThat(r.<Integer>extractValue("byWord.total") > 0).isEqualTo(reader.sees());
      assertThat(r.<List<String>>extractValue("byWord.hits.edges[*].node.iri").contains(HIDDEN))
          .isEqualTo(reader.sees());
      assertThat(r.<Integer>extractValue("byColumn.total") > 0).isEqualTo(reader.sees());
      assertThat(r.<List<String>>extractValue("products.facets[*].values[*].value"))
          .isNotEmpty()
          .matches(values -> values.contains("eu-confidential") == reader.sees());
      assertThat(r.<List<String>>extractValue("suggest.edges[*].node.title"))
          .matches(titles -> titles.contains("Vellichor Ledger") == reader.sees());
      assertThat(r.<List<Object>>extractValue("suggest.edges").isEmpty()).isEqualTo(!reader.sees());
      assertThat(mentionsWord(r.getParsed().read("$.data.byWord.hits").toString()))
          .isEqualTo(reader.sees());
    }
  }

  @Test
  void shouldShowTheHiddenDatasetInLineageAsARestrictedPlaceholder() {
    String query =
        """
        { down: lineage(start: { dataset: { namespace: "%1$s", name: "fjord.public.raw_events" } },
                        depth: 4, direction: DOWNSTREAM) {
            nodes { id type namespace name fields { name } } edges { origin destination } }
          up: lineage(start: { dataset: { namespace: "%1$s", name: "fjord.public.ledger_summary" } },
                      depth: 4, direction: UPSTREAM) {
            nodes { id type namespace name } edges { origin destination } }
          job(namespace: "fjord-etl", name: "build_ledger") {
            outputs { edges { node { name } } } }
          summary: dataset(namespace: "%1$s", name: "fjord.public.ledger_summary") {
            producedBy { edges { node { name inputs { edges { node { name } } } } } } } }"""
            .formatted(NS);
    String direct =
        """
        { lineage(start: { dataset: { namespace: "%s", name: "%s" } }) { nodes { id } } }"""
            .formatted(NS, HIDDEN_DATASET);
    int[][] shapes = new int[2][];
    for (Reader reader : List.of(eu, us)) {
      GraphQLResponse r = graphql(reader.token(), query, Map.of());
      List<String> downIds = r.extractValue("down.nodes[*].id");
      List<String> upIds = r.extractValue("up.nodes[*].id");
      assertThat(downIds.stream().anyMatch(id -> id.startsWith("restricted:")))
          .isEqualTo(!reader.sees());
      assertThat(upIds.stream().anyMatch(id -> id.startsWith("restricted:")))
          .isEqualTo(!reader.sees());
      assertThat(r.<List<String>>extractValue("down.nodes[*].name").contains(HIDDEN_DATASET))
          .isEqualTo(reader.sees());
      assertThat(r.<List<String>>extractValue("up.nodes[*].name").contains(HIDDEN_DATASET))
          .isEqualTo(reader.sees());
      assertThat(mentionsWord(r)).isEqualTo(reader.sees());
      shapes[reader.sees() ? 0 : 1] =
          new int[] {
            downIds.size(),
            r.<List<Object>>extractValue("down.edges").size(),
            upIds.size(),
            r.<List<Object>>extractValue("up.edges").size()
          };
      GraphQLResponse start = query(reader.token(), direct);
      if (reader.sees()) {
        assertThat(start.hasErrors()).as(start.getJson()).isFalse();
      } else {
        List<String> codes = start.getParsed().read("$.errors[*].extensions.code");
        assertThat(codes).containsExactly("not-found");
        assertThat(mentionsWord(start.getJson().replace(HIDDEN_DATASET, ""))).isFalse();
      }
    }
    assertThat(shapes[1]).as("the lineage graphs keep their shape").isEqualTo(shapes[0]);
    assertThat(shapes[0][0])
        .as("raw events, two jobs and three datasets")
        .isGreaterThanOrEqualTo(6);
  }

  @Test
  void shouldHideAJobThatWritesTheHiddenDatasetWithItsRunsOnEveryChannel() throws Exception {
    // the readers' scopes are computed and cached before the job first appears
    for (Reader reader : List.of(eu, us)) {
      http.get("/api/v1/search?q=ledger", reader.token()).ok();
    }
    String runId = "0195d1c2-4e5f-7a6b-8c9d-00000000a0b1";
    ObjectNode event =
        (ObjectNode) SecurityHttp.JSON.readTree(resource("security/leak-matrix/runs.json")).get(0);
    event.with("run").put("runId", runId);
    event.with("job").put("name", "vellichor_backfill");
    event.put("eventTime", "2026-11-21T06:00:00Z");
    long id =
        http.post(
                "/api/v1/lineage",
                tokenWithRole("leak-backfill", "producer"),
                event.toString(),
                "application/json")
            .ok()
            .path("id")
            .asLong();
    assertThat(projection.awaitProjected(id, Duration.ofSeconds(60))).isTrue();
    assertThat(index.awaitRevision(store.revision(), Duration.ofSeconds(60))).isTrue();
    String runIri = IRIS.run(runId);
    String rawEvents = "dataset:" + NS + ":fjord.public.raw_events";
    for (Reader reader : List.of(eu, us)) {
      String t = reader.token();
      boolean sees = reader.sees();
      JsonNode found = http.get("/api/v1/search?q=vellichor_backfill&limit=50", t).ok();
      assertThat(found.path("total").asLong() > 0).as("search").isEqualTo(sees);
      JsonNode suggested = http.get("/api/v1/search/suggest?prefix=vellichor_back", t).ok();
      assertThat(suggested.path("suggestions").isEmpty()).as("suggest").isEqualTo(!sees);
      GraphQLResponse job =
          graphql(
              t,
              """
              { job(namespace: "fjord-etl", name: "vellichor_backfill") {
                  name runs(first: 5) { edges { node { id } } } } }""",
              Map.of());
      assertThat(job.<Object>extractValue("job") != null).as("GraphQL job").isEqualTo(sees);
      SecurityHttp.Reply down =
          http.get(
              "/api/v1/lineage?nodeId="
                  + java.net.URLEncoder.encode(rawEvents, StandardCharsets.UTF_8)
                  + "&depth=3&direction=downstream",
              t);
      assertThat(mentionsWord(down.ok().toString())).as("REST lineage").isEqualTo(sees);
      assertThat(
              http.get(
                      "/api/v1/lineage?nodeId="
                          + java.net.URLEncoder.encode(
                              "job:fjord-etl:vellichor_backfill", StandardCharsets.UTF_8),
                      t)
                  .status())
          .as("REST lineage from the job")
          .isEqualTo(sees ? 200 : 404);
      assertThat(ask(t, "ASK { <" + runIri + "> ?p ?o }")).as("SPARQL run").isEqualTo(sees);
      assertThat(ask(t, "ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), \"backfill\")) }"))
          .as("SPARQL job and run graphs")
          .isEqualTo(sees);
      assertThat(mentionsWord(export("/api/v1/export?format=nquads&lineage=true", t)))
          .as("export")
          .isEqualTo(sees);
    }
    GraphQLResponse runs =
        graphql(
            eu.token(),
            """
            { job(namespace: "fjord-etl", name: "vellichor_backfill") {
                runs(first: 5) { edges { node { id } } } } }""",
            Map.of());
    String runNode = runs.<List<String>>extractValue("job.runs.edges[*].node.id").getFirst();
    for (Reader reader : List.of(eu, us)) {
      GraphQLResponse r =
          graphql(
              reader.token(), "query($id: ID!) { node(id: $id) { id } }", Map.of("id", runNode));
      assertThat(r.<Object>extractValue("node") != null).as("GraphQL run").isEqualTo(reader.sees());
    }
  }

  @Test
  void shouldShowAReadDeniedProductWithoutItsDatasetOrSchema() {
    String query =
        """
        { product(domain: "fjord", name: "quillon-accounts") {
            title outputPorts { edges { node {
              name dataset { name } access { endpoint }
              schema { totalCount edges { node { name } } } } } } }
          dataset(namespace: "%1$s", name: "fjord.public.quillon_accounts") {
            fields { edges { node { name } } } }
          lineage(start: { dataset: { namespace: "%1$s", name: "fjord.public.raw_events" } },
                  depth: 2, direction: DOWNSTREAM) { nodes { name fields { name } } } }"""
            .formatted(NS);
    for (String token : List.of(eu.token(), us.token())) {
      GraphQLResponse r = graphql(token, query, Map.of());
      assertThat(r.<String>extractValue("product.title")).isEqualTo("Quillon Accounts");
      assertThat(r.<String>extractValue("product.outputPorts.edges[0].node.name"))
          .isEqualTo("accounts-table");
      assertThat(r.<Object>extractValue("product.outputPorts.edges[0].node.dataset")).isNull();
      assertThat(r.<Object>extractValue("product.outputPorts.edges[0].node.schema")).isNull();
      assertThat(r.<Object>extractValue("product.outputPorts.edges[0].node.access")).isNull();
      assertThat(r.getJson()).doesNotContain("quillon_iban", "quillon_bic", "quillon-vault");
      for (String accept : List.of(JSON_TYPE, "text/turtle", "application/ld+json")) {
        SecurityHttp.Reply rest =
            http.get("/api/v1/products/fjord/quillon-accounts", token, accept);
        assertThat(rest.status()).as(accept).isEqualTo(200);
        assertThat(rest.body())
            .as(accept)
            .contains("accounts-table")
            .doesNotContain("quillon-vault");
      }
    }
    for (String accept : List.of(JSON_TYPE, "text/turtle", "application/ld+json")) {
      assertThat(http.get("/api/v1/products/fjord/quillon-accounts", auditor, accept).body())
          .as(accept)
          .contains("quillon-vault.internal");
    }
    GraphQLResponse full = graphql(auditor, query, Map.of());
    assertThat(full.<String>extractValue("product.outputPorts.edges[0].node.access.endpoint"))
        .isEqualTo("postgres://quillon-vault.internal:5432/quillon");
    assertThat(full.<String>extractValue("product.outputPorts.edges[0].node.dataset.name"))
        .isEqualTo("fjord.public.quillon_accounts");
    assertThat(full.<Integer>extractValue("product.outputPorts.edges[0].node.schema.totalCount"))
        .isEqualTo(3);
    assertThat(full.getJson()).contains("quillon_iban", "quillon_bic");
  }

  @Test
  void shouldShowTheRevisionsOfAReadDeniedProductWithoutDescriptorOrChanges() {
    String query =
        """
        { product(domain: "fjord", name: "quillon-accounts") {
            revisions(first: 10) { edges { node {
              revision contentHash descriptor changes { path op before after } } } } } }""";
    for (String token : List.of(eu.token(), us.token(), auditor)) {
      boolean reads = token.equals(auditor);
      GraphQLResponse r = graphql(token, query, Map.of());
      assertThat(r.<List<Integer>>extractValue("product.revisions.edges[*].node.revision"))
          .containsExactly(1, 2);
      assertThat(r.<List<String>>extractValue("product.revisions.edges[*].node.contentHash"))
          .doesNotContainNull();
      List<Object> descriptors = r.extractValue("product.revisions.edges[*].node.descriptor");
      assertThat(descriptors).hasSize(2).allMatch(d -> (d != null) == reads);
      List<Object> changes = r.extractValue("product.revisions.edges[*].node.changes[*]");
      assertThat(changes.isEmpty()).as("changes").isEqualTo(!reads);
      assertThat(r.getJson()).as("GraphQL").matches(json -> hasQuillonColumns(json) == reads);
      SecurityHttp.Reply rest =
          http.get("/api/v1/products/fjord/quillon-accounts/revisions", token);
      assertThat(rest.ok().path(1).has("descriptor")).as("REST").isEqualTo(reads);
      assertThat(rest.body()).as("REST").matches(body -> hasQuillonColumns(body) == reads);
    }
    String hidden =
        """
        { product(domain: "fjord", name: "vellichor-ledger") {
            revisions(first: 10) { edges { node { descriptor changes { after } } } } } }""";
    for (Reader reader : List.of(eu, us)) {
      GraphQLResponse r = graphql(reader.token(), hidden, Map.of());
      assertThat(r.<Object>extractValue("product") != null).isEqualTo(reader.sees());
      assertThat(r.getJson().contains("vellichor_amount")).isEqualTo(reader.sees());
    }
  }

  private static boolean hasQuillonColumns(String text) {
    return text.contains("quillon_iban") || text.contains("quillon_bic");
  }

  // ------------------------------------------------------------------ SPARQL

  @Test
  void shouldAnswerNoSparqlQueryFormWithTheHiddenProduct() {
    String hiddenDataset = IRIS.dataset(NS, HIDDEN_DATASET);
    for (Reader reader : List.of(eu, us)) {
      String t = reader.token();
      boolean sees = reader.sees();
      assertThat(rows(t, "SELECT * { GRAPH ?g { ?s ?p ?o } " + MENTIONS_WORD + " }") > 0)
          .as("SELECT over all graphs")
          .isEqualTo(sees);
      assertThat(rows(t, "SELECT * { ?s ?p ?o " + MENTIONS_WORD + " }") > 0)
          .as("SELECT over the union default graph")
          .isEqualTo(sees);
      assertThat(
              rows(t, "SELECT * { GRAPH <urn:x-arq:UnionGraph> { ?s ?p ?o } " + MENTIONS_WORD + "}")
                  > 0)
          .as("SELECT over the union graph")
          .isEqualTo(sees);
      assertThat(rows(t, "SELECT ?s ?o { ?s !<urn:x-none> ?o " + MENTIONS_WORD + " }") > 0)
          .as("SELECT with a property path")
          .isEqualTo(sees);
      assertThat(ask(t, "ASK { <" + HIDDEN + "> ?p ?o }")).as("ASK product").isEqualTo(sees);
      assertThat(ask(t, "ASK { GRAPH ?g { ?s ?p <" + hiddenDataset + "> } }"))
          .as("ASK dataset as object")
          .isEqualTo(sees);
      assertThat(ask(t, "ASK { GRAPH ?g { ?s ?p ?o } " + MENTIONS_WORD + " }"))
          .as("ASK word")
          .isEqualTo(sees);
      assertThat(
              construct(
                      t,
                      "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                          + MENTIONS_WORD
                          + " }")
                  > 0)
          .as("CONSTRUCT")
          .isEqualTo(sees);
      assertThat(construct(t, "DESCRIBE <" + HIDDEN + ">") > 0).as("DESCRIBE").isEqualTo(sees);
      assertThat(construct(t, "DESCRIBE <" + hiddenDataset + ">") > 0)
          .as("DESCRIBE dataset")
          .isEqualTo(sees);
    }
  }

  @Test
  void shouldLeaveAReadDeniedProductsDetailsOutOfSparql() {
    String details =
        "FILTER(CONTAINS(STR(?o), \"quillon_iban\") || CONTAINS(STR(?o), \"quillon_bic\")"
            + " || CONTAINS(STR(?s), \"quillon_iban\") || CONTAINS(STR(?s), \"quillon_bic\"))";
    for (String token : List.of(eu.token(), us.token(), auditor)) {
      boolean reads = token.equals(auditor);
      assertThat(rows(token, "SELECT * { GRAPH ?g { ?s ?p ?o } " + details + " }") > 0)
          .isEqualTo(reads);
      assertThat(ask(token, "ASK { <" + UNREADABLE + "> ?p ?o }")).isEqualTo(reads);
      assertThat(construct(token, "DESCRIBE <" + UNREADABLE + ">") > 0).isEqualTo(reads);
    }
  }

  @Test
  void shouldShowPolicyGraphsOnlyToAdminsAndTheOwnersOfTheDomainTheyGovern() {
    String fjordPolicy = IRIS.policyGraph("fjord", "quillon-for-auditing");
    String namingPolicy = IRIS.policyGraph(null, "vellichor-eu-only");
    List<String> all =
        List.of(
            IRIS.policyGraph(null, "eu-confidential-eu-only"),
            namingPolicy,
            fjordPolicy,
            IRIS.policyGraph("skerry", "skerry-not-for-marketing"));
    record Caller(String name, String token, List<String> policyGraphs) {}
    List<Caller> callers =
        List.of(
            new Caller("anonymous", null, List.of()),
            new Caller("consumer in the EU", eu.token(), List.of()),
            new Caller("consumer in the US", us.token(), List.of()),
            new Caller("auditor", auditor, List.of()),
            new Caller("owner of fjord", fjordOwner, List.of(fjordPolicy)),
            new Caller("admin", ADMIN, all));
    String graphs =
        "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \""
            + IRIS.policyGraphPrefix()
            + "\")) }";
    for (Caller caller : callers) {
      boolean admin = ADMIN.equals(caller.token());
      assertThat(values(caller.token(), graphs, "g"))
          .as("SPARQL GRAPH ?g, %s", caller.name())
          .containsExactlyInAnyOrderElementsOf(caller.policyGraphs());
      assertThat(
              ask(
                  caller.token(),
                  "ASK { ?rule <http://www.w3.org/ns/odrl/2/target> <" + HIDDEN + "> }"))
          .as("SPARQL union default graph, %s", caller.name())
          .isEqualTo(admin);
      assertThat(
              values(
                  caller.token(),
                  "SELECT ?g FROM NAMED <" + namingPolicy + "> { GRAPH ?g { } }",
                  "g"))
          .as("SPARQL FROM NAMED, %s", caller.name())
          .isEqualTo(admin ? List.of(namingPolicy) : List.of());
      assertThat(
              values(
                  caller.token(),
                  "SELECT ?s FROM <" + namingPolicy + "> { ?s ?p ?o } LIMIT 1",
                  "s"))
          .as("SPARQL FROM, %s", caller.name())
          .hasSize(admin ? 1 : 0);
      String exported = export("/api/v1/export?format=nquads&lineage=true", caller.token());
      DatasetGraph parsed = DatasetGraphFactory.create();
      RDFParser.fromString(exported, Lang.NQUADS).parse(parsed);
      List<String> exportedPolicies = new ArrayList<>();
      parsed
          .listGraphNodes()
          .forEachRemaining(
              g -> {
                if (g.getURI().startsWith(IRIS.policyGraphPrefix())) {
                  exportedPolicies.add(g.getURI());
                }
              });
      // the export holds the catalog (domains, products, vocabulary, lineage), never a policy
      assertThat(exportedPolicies).as("export, %s", caller.name()).isEmpty();
      assertThat(mentionsWord(exported))
          .as("export, %s", caller.name())
          .isEqualTo(
              admin || eu.token().equals(caller.token()) || fjordOwner.equals(caller.token()));
    }
    JsonNode listed = http.get("/api/v1/policies", fjordOwner).ok();
    assertThat(listed.findValuesAsText("name")).containsExactly("quillon-for-auditing");
    assertThat(http.get("/api/v1/policies", ADMIN).ok().findValuesAsText("name"))
        .containsExactlyInAnyOrder(
            "eu-confidential-eu-only",
            "vellichor-eu-only",
            "quillon-for-auditing",
            "skerry-not-for-marketing");
    assertThat(http.get("/api/v1/policies", us.token()).status()).isEqualTo(403);
  }

  // ------------------------------------------------------------------ policy decisions

  @Test
  void shouldEvaluateAHiddenProductExactlyLikeAMissingOne() {
    String hidden = "fjord/vellichor-ledger";
    String missing = "fjord/vellichor-missing";
    String template = "{\"products\":[\"%s\",\"fjord/raw-events\"]}";
    // any token (anonymous callers may not POST to the API)
    for (String token : List.of(eu.token(), us.token(), auditor, fjordOwner)) {
      boolean sees = token.equals(eu.token()) || token.equals(fjordOwner);
      SecurityHttp.Reply forHidden =
          http.post("/api/v1/policies/evaluate", token, template.formatted(hidden), JSON_TYPE);
      SecurityHttp.Reply forMissing =
          http.post("/api/v1/policies/evaluate", token, template.formatted(missing), JSON_TYPE);
      assertThat(forMissing.status()).as(forMissing.body()).isEqualTo(200);
      assertThat(forMissing.ok().path("products").findValuesAsText("product"))
          .containsExactly("fjord/raw-events", missing);
      assertThat(forMissing.ok().path("products").path(1).path("discover").path("reason").asText())
          .isEqualTo("no such data product");
      assertThat(forMissing.ok().path("decision").path("allowed").asBoolean()).isFalse();
      assertThat(forHidden.status()).isEqualTo(forMissing.status());
      String hiddenBody = forHidden.body().replace(hidden, "?");
      String missingBody = forMissing.body().replace(missing, "?");
      if (sees) {
        assertThat(hiddenBody).isNotEqualTo(missingBody).contains("eu-confidential");
      } else {
        assertThat(hiddenBody).isEqualTo(missingBody);
      }
    }
  }

  // ------------------------------------------------------------------ exchange

  @Test
  void shouldAnswerEveryExchangeEndpointForTheHiddenProductExactlyLikeAMissingOne() {
    String hidden = "fjord/vellichor-ledger";
    String missing = "fjord/vellichor-missing";
    for (Reader reader : List.of(eu, us)) {
      for (String[] call : exchangeCalls()) {
        SecurityHttp.Reply forHidden = exchangeCall(call, hidden, reader.token());
        SecurityHttp.Reply forMissing = exchangeCall(call, missing, reader.token());
        assertThat(forMissing.status()).as(call[1] + " " + forMissing.body()).isEqualTo(404);
        String hiddenBody = forHidden.body().replace(hidden, "?").replace("vellichor-ledger", "?");
        String missingBody =
            forMissing.body().replace(missing, "?").replace("vellichor-missing", "?");
        if (reader.sees()) {
          assertThat(forHidden.status()).as(call[1]).isNotEqualTo(404);
        } else {
          assertThat(forHidden.status()).as(call[1]).isEqualTo(404);
          assertThat(hiddenBody).as(call[1]).isEqualTo(missingBody);
        }
      }
    }
    assertThat(http.get("/api/v1/demand", us.token()).body()).doesNotContain("vellichor");
    assertThat(http.get("/api/v1/time-to-value", us.token()).body()).doesNotContain("vellichor");
  }

  @Test
  void shouldShowAgreementGraphsOnlyToAdminsAndTheOwnersOfTheProductsDomain() {
    String request =
        http.post(
                "/api/v1/access-requests",
                auditor,
                "{\"product\":\"fjord/raw-events\",\"purpose\":\"audit trail\","
                    + "\"purposeCode\":\"auditing\"}",
                JSON_TYPE)
            .ok()
            .path("id")
            .asText();
    http.post("/api/v1/access-requests/" + request + "/approve", fjordOwner, "{}", JSON_TYPE).ok();
    String query = "SELECT ?g WHERE { GRAPH ?g { ?a a <http://www.w3.org/ns/odrl/2/Agreement> } }";
    for (String token : List.of(ADMIN, fjordOwner, auditor, eu.token(), us.token())) {
      boolean governs = token.equals(ADMIN) || token.equals(fjordOwner);
      String answer =
          http.get(
                  "/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                  token,
                  "application/sparql-results+json")
              .body();
      if (governs) {
        assertThat(answer).contains("/graph/agreement/fjord/" + request);
      } else {
        assertThat(answer).doesNotContain("agreement");
      }
    }
    assertThat(export("/api/v1/export?format=nquads", auditor)).doesNotContain("/graph/agreement/");
    assertThat(export("/api/v1/export?format=nquads", fjordOwner))
        .contains("/graph/agreement/fjord/" + request);
    // the holder sees its own agreement through the API, an unrelated reader not even the request
    assertThat(http.get("/api/v1/agreements?view=mine", auditor).body()).contains(request);
    http.get("/api/v1/access-requests/" + request, us.token()).problem(404, "not-found");
  }

  private static List<String[]> exchangeCalls() {
    String requestBody = "{\"product\":\"%s\",\"purpose\":\"look\"}";
    return List.of(
        new String[] {"POST", "/api/v1/access-requests", requestBody},
        new String[] {"PUT", "/api/v1/products/%s/interest", "{\"useCase\":\"look\"}"},
        new String[] {"GET", "/api/v1/products/%s/interest", null},
        new String[] {"GET", "/api/v1/products/%s/access-terms", null},
        new String[] {"GET", "/api/v1/products/%s/consumers", null},
        new String[] {"GET", "/api/v1/products/%s/time-to-value", null},
        new String[] {"GET", "/api/v1/products/%s/odrl", null},
        new String[] {"POST", "/api/v1/decisions", "{\"product\":\"%s\",\"action\":\"read\"}"});
  }

  private SecurityHttp.Reply exchangeCall(String[] call, String product, String token) {
    String path = call[1].contains("%s") ? call[1].formatted(product) : call[1];
    String body = call[2] == null ? null : call[2].formatted(product);
    return http.send(call[0], path, token, body, body == null ? null : JSON_TYPE, JSON_TYPE);
  }

  // ------------------------------------------------------------------ search

  /**
   * Search by meaning runs under the same visibility filter: the hidden product (described as
   * "Settlements of the vellichor accounts.") is the nearest in meaning to a query that shares none
   * of its words, and only the reader who may see it finds it, through REST and GraphQL; for the
   * other no hit, snippet or facet mentions it.
   */
  @Test
  void shouldNeverSurfaceTheHiddenProductByMeaning() {
    String query = "financial settlement records";
    for (Reader reader : List.of(eu, us)) {
      JsonNode found =
          http.get(
                  "/api/v1/search?q="
                      + URLEncoder.encode(query, StandardCharsets.UTF_8)
                      + "&limit=50",
                  reader.token())
              .ok();
      List<String> iris = found.path("hits").findValuesAsText("iri");
      assertThat(iris.contains(HIDDEN)).as("REST, sees=%s", reader.sees()).isEqualTo(reader.sees());
      assertThat(mentionsWord(found.toString())).as("REST").isEqualTo(reader.sees());
      if (reader.sees()) {
        assertThat(
                found.path("hits").path(iris.indexOf(HIDDEN)).path("matchedByMeaning").asBoolean())
            .as("found by meaning, not by a word")
            .isTrue();
      }
      GraphQLResponse r =
          graphql(
              reader.token(),
              """
              query($q: String!) {
                search(query: $q, first: 50) {
                  total hits { edges { node { iri title snippet matchedByMeaning } } }
                  facets { dimension values { value count } } } }""",
              Map.of("q", query));
      assertThat(r.<List<String>>extractValue("search.hits.edges[*].node.iri").contains(HIDDEN))
          .as("GraphQL")
          .isEqualTo(reader.sees());
      assertThat(mentionsWord(r.getParsed().read("$.data.search").toString()))
          .as("GraphQL")
          .isEqualTo(reader.sees());
    }
    JsonNode auditors =
        http.get(
                "/api/v1/search?q="
                    + URLEncoder.encode(
                        "international bank account numbers", StandardCharsets.UTF_8)
                    + "&limit=50",
                us.token())
            .ok();
    assertThat(hasQuillonColumns(auditors.toString()))
        .as("a read-denied product's columns are not found by meaning either")
        .isFalse();
  }

  @Test
  void shouldNotFindAReadDeniedProductByItsColumnNames() {
    for (String token : List.of(eu.token(), us.token(), auditor)) {
      boolean reads = token.equals(auditor);
      for (String column : List.of("quillon_iban", "quillon_bic")) {
        JsonNode found = http.get("/api/v1/search?q=" + column + "&limit=50", token).ok();
        assertThat(found.path("total").asLong() > 0).as(column).isEqualTo(reads);
        assertThat(found.path("hits").toString().contains(column)).as(column).isEqualTo(reads);
        if (!reads) {
          assertThat(found.path("hits")).as(column).isEmpty();
          assertThat(found.path("facets")).as(column).isEmpty();
        }
        JsonNode suggested = http.get("/api/v1/search/suggest?prefix=" + column, token).ok();
        assertThat(suggested.path("suggestions").isEmpty()).as(column).isEqualTo(!reads);
        GraphQLResponse r =
            graphql(
                token,
                """
                query($q: String!) {
                  search(query: $q, first: 50) { total hits { edges { node { iri } } } }
                  suggest(prefix: $q, first: 10) { edges { node { iri } } } }""",
                Map.of("q", column));
        assertThat(r.<Integer>extractValue("search.total") > 0).as(column).isEqualTo(reads);
        assertThat(r.<List<Object>>extractValue("suggest.edges").isEmpty())
            .as(column)
            .isEqualTo(!reads);
      }
      JsonNode byTitle = http.get("/api/v1/search?q=Quillon%20Accounts&limit=5", token).ok();
      assertThat(byTitle.path("hits").path(0).path("iri").asText())
          .as("a product it may discover is found by its title")
          .isEqualTo(UNREADABLE);
    }
  }

  @Test
  void shouldListANamespaceSeenOnlyOnHiddenDatasetsOnlyForTheReaderWhoMaySeeIt() throws Exception {
    String vault = "s3://vellichor-vault";
    http.post(
            "/api/v1/descriptors",
            ADMIN,
            resource("security/leak-matrix/vault.yaml"),
            "application/yaml")
        .ok();
    String event =
        """
        {"eventType": "COMPLETE", "eventTime": "2026-11-22T06:00:00Z",
         "producer": "https://example.com/tessera-tests",
         "run": {"runId": "0195d1c2-4e5f-7a6b-8c9d-00000000a0c1"},
         "job": {"namespace": "fjord-etl", "name": "archive_settlements"},
         "inputs": [], "outputs": [{"namespace": "%s", "name": "archive/settlements"}]}"""
            .formatted(vault);
    long id =
        http.post("/api/v1/lineage", tokenWithRole("leak-archiver", "producer"), event, JSON_TYPE)
            .ok()
            .path("id")
            .asLong();
    assertThat(projection.awaitProjected(id, Duration.ofSeconds(60))).isTrue();
    for (Reader reader : List.of(eu, us)) {
      JsonNode all = http.get("/api/v1/lineage/namespaces", reader.token()).ok();
      assertThat(all.findValuesAsText("namespace").contains(vault))
          .as("the vault's namespace")
          .isEqualTo(reader.sees());
      assertThat(all.findValuesAsText("namespace")).contains(NS);
      assertThat(mentionsWord(all.toString())).isEqualTo(reader.sees());
      JsonNode prefixed =
          http.get(
                  "/api/v1/lineage/namespaces?prefix="
                      + URLEncoder.encode("s3://vell", StandardCharsets.UTF_8),
                  reader.token())
              .ok();
      assertThat(prefixed.size()).isEqualTo(reader.sees() ? 1 : 0);
      int shared = 0;
      for (JsonNode n : all) {
        if (n.path("namespace").asText().equals(NS)) {
          shared = n.path("datasets").asInt();
        }
      }
      JsonNode up =
          http.get(
                  "/api/v1/lineage?direction=upstream&depth=3&nodeId="
                      + URLEncoder.encode(
                          "dataset:" + NS + ":fjord.public.ledger_summary", StandardCharsets.UTF_8),
                  reader.token())
              .ok();
      assertThat(up.findValuesAsText("product"))
          .as("the owning products the lineage names")
          .contains("fjord/ledger-summary")
          .matches(products -> products.contains("fjord/vellichor-ledger") == reader.sees());
      assertThat(mentionsWord(up.toString())).isEqualTo(reader.sees());
      assertThat(shared).as("datasets counted in the shared namespace").isPositive();
    }
    assertThat(http.get("/api/v1/lineage/namespaces", null).ok().toString())
        .as("anonymous")
        .doesNotContain(vault);
  }

  @Test
  void shouldTraceAColumnToTheHiddenDatasetOnlyForTheReaderWhoMaySeeIt() {
    String rest =
        "/api/v1/column-lineage?nodeId="
            + java.net.URLEncoder.encode(
                "dataset:" + NS + ":fjord.public.ledger_summary",
                java.nio.charset.StandardCharsets.UTF_8)
            + "&field=total&direction=upstream&depth=3";
    String query =
        """
        { columnLineage(namespace: "%s", name: "fjord.public.ledger_summary", field: "total",
                        direction: UPSTREAM, depth: 3) {
            edges { from { name field } to { name field } } } }"""
            .formatted(NS);
    for (Reader reader : List.of(eu, us)) {
      JsonNode columns = http.get(rest, reader.token()).ok();
      assertThat(columns.toString().contains("vellichor_amount"))
          .as("REST column lineage")
          .isEqualTo(reader.sees());
      assertThat(mentionsWord(columns.toString())).isEqualTo(reader.sees());
      GraphQLResponse r = graphql(reader.token(), query, Map.of());
      assertThat(r.hasErrors()).as(r.getJson()).isFalse();
      assertThat(r.<List<String>>extractValue("columnLineage.edges[*].from.field"))
          .as("GraphQL column lineage")
          .satisfies(
              fields -> assertThat(fields.contains("vellichor_amount")).isEqualTo(reader.sees()));
      assertThat(mentionsWord(r.getJson())).isEqualTo(reader.sees());
    }
  }

  @Test
  void shouldAuditTheAdminsSparqlQueriesOnly() {
    String adminQuery = "SELECT * { ?s ?p ?o } LIMIT 1 # leak matrix, as admin";
    String consumerQuery = "SELECT * { ?s ?p ?o } LIMIT 1 # leak matrix, as consumer";
    rows(ADMIN, adminQuery);
    rows(us.token(), consumerQuery);
    String audited = http.get("/api/v1/audit?action=sparql&limit=1000", ADMIN).ok().toString();
    assertThat(audited).contains("leak matrix, as admin").doesNotContain("as consumer");
  }

  // ------------------------------------------------------------------ export

  @Test
  void shouldExportNeitherTheHiddenProductNorTheReadDeniedDetails() {
    for (String format : List.of("trig", "turtle", "nquads", "jsonld")) {
      for (String lineage : List.of("true", "false")) {
        String path = "/api/v1/export?format=" + format + "&lineage=" + lineage;
        for (Reader reader : List.of(eu, us)) {
          String body = export(path, reader.token());
          assertThat(mentionsWord(body)).as(path).isEqualTo(reader.sees());
          assertThat(body).as(path).contains("Raw Events").doesNotContain(UNREADABLE_DETAILS);
        }
        String full = export(path, auditor);
        assertThat(full).as(path).contains("Quillon Accounts", "quillon_iban");
        assertThat(mentionsWord(full)).as(path).isFalse();
      }
    }
  }

  @Test
  void shouldExportTheHiddenProductsDescriptorExactlyLikeAMissingOneInEveryFormat() {
    String hidden = "/api/v1/products/fjord/vellichor-ledger";
    String missing = "/api/v1/products/fjord/vellichor-missing";
    List<String[]> asks =
        List.of(
            new String[] {"?format=odps", "*/*"},
            new String[] {"?format=odcs", "*/*"},
            new String[] {"?format=tessera", "*/*"},
            new String[] {"?format=odps", JSON_TYPE},
            new String[] {"", "application/odps+yaml"},
            new String[] {"", "application/odcs+json"},
            new String[] {"", "application/yaml"});
    for (Reader reader : List.of(eu, us)) {
      for (String[] ask : asks) {
        String label = ask[0] + " " + ask[1];
        SecurityHttp.Reply forHidden = http.get(hidden + ask[0], reader.token(), ask[1]);
        SecurityHttp.Reply forMissing = http.get(missing + ask[0], reader.token(), ask[1]);
        assertThat(forMissing.status()).as(label).isEqualTo(404);
        if (reader.sees()) {
          assertThat(forHidden.status()).as(label).isEqualTo(200);
          assertThat(forHidden.body()).as(label).contains("vellichor_amount");
        } else {
          assertThat(forHidden.status()).as(label).isEqualTo(404);
          assertThat(forHidden.contentType()).as(label).isEqualTo(forMissing.contentType());
          assertThat(forHidden.body().replace("vellichor-ledger", "?"))
              .as(label)
              .isEqualTo(forMissing.body().replace("vellichor-missing", "?"));
        }
      }
    }
  }

  @Test
  void shouldExportAReadDeniedProductsDescriptorAsAnOutlineOnly() {
    String path = "/api/v1/products/fjord/quillon-accounts?format=";
    for (String format : List.of("odps", "odcs", "tessera")) {
      for (String token : List.of(eu.token(), us.token())) {
        SecurityHttp.Reply outline = http.get(path + format, token, "*/*");
        assertThat(outline.status()).as(format).isEqualTo(200);
        assertThat(outline.body())
            .as(format)
            .contains("Quillon Accounts", "accounts-table")
            .doesNotContain("quillon_iban", "quillon_bic", "fjord.public.quillon_accounts");
      }
      SecurityHttp.Reply full = http.get(path + format, auditor, "*/*");
      assertThat(full.body())
          .as(format)
          .contains("quillon_iban", "quillon_bic", "fjord.public.quillon_accounts");
    }
  }

  @Test
  void shouldLeaveTheHiddenProductAndTheUnreadableOneOutOfTheDcatApExport() {
    for (String format : List.of("turtle", "jsonld", "nquads")) {
      String path = "/api/v1/export?profile=dcat-ap&format=" + format;
      for (Reader reader : List.of(eu, us)) {
        String body = export(path, reader.token());
        assertThat(mentionsWord(body)).as(path).isEqualTo(reader.sees());
        assertThat(body).as(path).contains("Raw Events").doesNotContain("Quillon Accounts");
      }
      String full = export(path, auditor);
      assertThat(full).as(path).contains("Quillon Accounts");
      assertThat(mentionsWord(full)).as(path).isFalse();
    }
    // a hidden product answers like a missing one: the same export as a reader without it
    assertThat(datasets(export("/api/v1/export?profile=dcat-ap&format=nquads", us.token())))
        .isEqualTo(
            datasets(export("/api/v1/export?profile=dcat-ap&format=nquads", eu.token())) - 1);
  }

  private static long datasets(String nquads) {
    return nquads
        .lines()
        .filter(l -> l.contains("<http://www.w3.org/ns/dcat#Dataset>") && l.contains("#type>"))
        .count();
  }

  // ------------------------------------------------------------------ the raw journal

  @Test
  void shouldKeepTheHiddenProductsColumnsOutOfAnotherProducersJournal() {
    String harbour =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"harbour-etl\",\"roles\":[\"producer\"],\"domains\":[\"harbour\"]}",
                "application/json")
            .ok()
            .path("secret")
            .asText();
    String own =
        "{\"eventType\":\"COMPLETE\",\"eventTime\":\"2026-11-21T06:00:00Z\","
            + "\"producer\":\"https://example.com/tessera-tests\","
            + "\"run\":{\"runId\":\"0195d1c2-4e5f-7a6b-8c9d-00000000b001\"},"
            + "\"job\":{\"namespace\":\"harbour-etl\",\"name\":\"load_berths\"},"
            + "\"inputs\":[],\"outputs\":[{\"namespace\":\""
            + NS
            + "\",\"name\":\"harbour.public.berths\"}]}";
    http.post("/api/v1/lineage", harbour, own, "application/json").ok();

    String adminSees = http.get("/api/v1/events/lineage?limit=1000", ADMIN).ok().toString();
    String harbourSees = http.get("/api/v1/events/lineage?limit=1000", harbour).ok().toString();

    assertThat(adminSees).contains("vellichor_amount", "settlement_id", "load_berths");
    assertThat(harbourSees)
        .contains("load_berths")
        .doesNotContainIgnoringCase(WORD)
        .doesNotContain("settlement_id", "quillon_iban");
    String overwrite = own.replace("harbour.public.berths", HIDDEN_DATASET).replace("b001", "b002");
    assertThat(
            http.post("/api/v1/lineage", harbour, overwrite, "application/json")
                .problem(403, "forbidden")
                .path("detail")
                .asText())
        .contains("producer for domain fjord");
    http.get("/api/v1/events/lineage", us.token()).problem(403, "forbidden");
  }

  // ------------------------------------------------------------------ tokens of one's own

  @Test
  void shouldListAndRevokeOnlyOnesOwnTokens() {
    String ada = jwt("leak-ada", List.of("consumer"), Map.of("region", List.of("eu")));
    String bob = jwt("leak-bob", List.of("consumer"), Map.of());
    JsonNode adas = http.post("/api/v1/me/tokens", ada, "{\"name\":\"ada's\"}", JSON_TYPE).ok();
    JsonNode bobs = http.post("/api/v1/me/tokens", bob, "{\"name\":\"bob's\"}", JSON_TYPE).ok();
    String adaId = adas.path("token").path("id").asText();
    String bobId = bobs.path("token").path("id").asText();
    String byAdmin =
        http.post(
                "/api/v1/tokens",
                ADMIN,
                "{\"subject\":\"leak-ada\",\"roles\":[\"consumer\"]}",
                JSON_TYPE)
            .ok()
            .path("token")
            .path("id")
            .asText();

    assertThat(ids(http.get("/api/v1/me/tokens", ada).ok())).containsExactly(adaId);
    assertThat(ids(http.get("/api/v1/me/tokens", bob).ok())).containsExactly(bobId);
    assertThat(ids(http.get("/api/v1/me/tokens", ADMIN).ok()))
        .doesNotContain(adaId, bobId, byAdmin);
    assertThat(ids(http.get("/api/v1/me/tokens", us.token()).ok())).isEmpty();
    assertThat(ids(http.get("/api/v1/me/tokens", null).ok())).isEmpty();
    assertThat(http.get("/api/v1/me/tokens", ada).body()).doesNotContain("secret", "tsr_");

    // another's token, or one an admin made for oneself, answers like a missing one
    for (String other : List.of(bobId, byAdmin, "no-such-token")) {
      http.delete("/api/v1/me/tokens/" + other, ada).problem(404, "not-found");
    }
    http.delete("/api/v1/me/tokens/" + adaId, bob).problem(404, "not-found");
    http.delete("/api/v1/me/tokens/" + adaId, ADMIN).problem(404, "not-found");
    http.delete("/api/v1/me/tokens/" + adaId, null).problem(401, "unauthorized");
    assertThat(http.get("/api/v1/me", adas.path("secret").asText()).ok().path("subject").asText())
        .isEqualTo("leak-ada");

    // a token cannot make tokens, and nobody makes one for another subject here
    http.post("/api/v1/me/tokens", bobs.path("secret").asText(), "{\"name\":\"x\"}", JSON_TYPE)
        .problem(403, "forbidden");
    http.post("/api/v1/me/tokens", null, "{\"name\":\"x\"}", JSON_TYPE)
        .problem(401, "unauthorized");
    http.post("/api/v1/me/tokens", bob, "{\"name\":\"x\",\"roles\":[\"admin\"]}", JSON_TYPE)
        .problem(403, "forbidden");

    http.delete("/api/v1/me/tokens/" + adaId, ada).ok();
    http.get("/api/v1/me", adas.path("secret").asText()).problem(401, "unauthorized");
    assertThat(http.get("/api/v1/me", bobs.path("secret").asText()).ok().path("subject").asText())
        .isEqualTo("leak-bob");
  }

  // ------------------------------------------------------------------ helpers

  private static boolean mentionsWord(GraphQLResponse response) {
    return mentionsWord(response.getParsed().read("$.data").toString());
  }

  private static boolean mentionsWord(String text) {
    return text.toLowerCase(Locale.ROOT).contains(WORD);
  }

  private String export(String path, String token) {
    SecurityHttp.Reply reply = http.get(path, token, "*/*");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    Lang lang = RDFLanguages.contentTypeToLang(reply.contentType().split(";")[0]);
    DatasetGraph parsed = DatasetGraphFactory.create();
    RDFParser.fromString(reply.body(), lang).parse(parsed);
    assertThat(parsed.find().hasNext()).isTrue();
    return reply.body();
  }

  private QueryExecutionHTTP sparql(String token, String query) {
    var builder =
        QueryExecutionHTTP.service(server.getURI().resolve("/sparql").toString()).query(query);
    if (token != null) {
      builder.httpHeader("Authorization", "Bearer " + token);
    }
    return builder.build();
  }

  /** The values one variable takes in a SELECT's solutions. */
  private List<String> values(String token, String query, String var) {
    try (QueryExecutionHTTP exec = sparql(token, query)) {
      List<String> values = new ArrayList<>();
      exec.execSelect().forEachRemaining(s -> values.add(s.get(var).toString()));
      return values;
    }
  }

  private int rows(String token, String query) {
    try (QueryExecutionHTTP exec = sparql(token, query)) {
      ResultSet results = exec.execSelect();
      return ResultSetFormatter.consume(results);
    }
  }

  private boolean ask(String token, String query) {
    try (QueryExecutionHTTP exec = sparql(token, query)) {
      return exec.execAsk();
    }
  }

  /** The number of triples a CONSTRUCT or DESCRIBE answers. */
  private int construct(String token, String query) {
    try (QueryExecutionHTTP exec = sparql(token, query)) {
      return (query.startsWith("DESCRIBE") ? exec.execDescribe() : exec.execConstruct())
          .getGraph()
          .size();
    }
  }

  /** The response, which must have no errors. */
  private GraphQLResponse graphql(String token, String query, Map<String, Object> variables) {
    return new GraphQLTestClient(server.getURL(), token).ok(query, variables);
  }

  private GraphQLResponse query(String token, String query) {
    return new GraphQLTestClient(server.getURL(), token).query(query);
  }

  private String token(String subject, Map<String, List<String>> attributes) {
    ObjectNode request = SecurityHttp.JSON.createObjectNode();
    request.put("subject", subject);
    request.putArray("roles").add("consumer");
    request.set("attributes", SecurityHttp.JSON.valueToTree(attributes));
    return http.post("/api/v1/tokens", ADMIN, request.toString(), "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private String tokenWithRole(String subject, String role) {
    String request = "{\"subject\":\"" + subject + "\",\"roles\":[\"" + role + "\"]}";
    return http.post("/api/v1/tokens", ADMIN, request, "application/json")
        .ok()
        .path("secret")
        .asText();
  }

  private static List<String> ids(JsonNode tokens) {
    List<String> ids = new ArrayList<>();
    tokens.forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  /**
   * An HS256 JWT from the identity provider, as a signed-in person's browser or script sends it.
   */
  private static String jwt(String subject, List<String> roles, Map<String, List<String>> claims) {
    try {
      JWTClaimsSet.Builder set =
          new JWTClaimsSet.Builder()
              .subject(subject)
              .claim("roles", roles)
              .expirationTime(Date.from(Instant.now().plusSeconds(600)));
      claims.forEach(set::claim);
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set.build());
      jwt.sign(new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = PolicyLeakMatrixIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
