package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.mcp.McpSession;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The leak matrix's MCP column: every tool and resource of {@code /mcp}, driven by the MCP Java
 * SDK's client, on the leak-matrix mesh ({@code security/leak-matrix/}) with real policies, tokens
 * and lineage. The product {@code fjord/vellichor-ledger} only EU residents may discover: for the
 * US reader every answer that names it is byte for byte the answer for a product (or dataset) that
 * does not exist, once the name is replaced, and no other answer mentions it; the EU reader sees it
 * in each. A product anyone may discover but only the auditing purpose may read shows no schema.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpLeakMatrixIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String NS = "postgres://lk:5432";
  private static final String WORD = "vellichor";
  private static final String GHOST = "ghostword";

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  private SecurityHttp http;
  private McpSession eu;
  private McpSession us;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-mcp-leak-matrix-it", "tessera.mcp.rate-limit", "10000");
  }

  @BeforeAll
  void applyTheMeshPostLineageAndConnect() throws Exception {
    http = new SecurityHttp(server.getURI());
    for (String doc : List.of("mesh.yaml", "quillon-v2.yaml")) {
      http.post(
              "/api/v1/descriptors",
              ADMIN,
              resource("security/leak-matrix/" + doc),
              "application/yaml")
          .ok();
    }
    String producer = token("mcp-leak-pipeline", "producer", Map.of());
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
    long revision;
    do {
      revision = store.revision();
      assertThat(index.awaitRevision(revision, Duration.ofSeconds(60))).isTrue();
    } while (store.revision() != revision);
    eu =
        McpSession.open(
            server.getURI(), token("mcp-leak-eu", "consumer", Map.of("region", List.of("eu"))));
    us =
        McpSession.open(
            server.getURI(), token("mcp-leak-us", "consumer", Map.of("region", List.of("us"))));
  }

  @AfterAll
  void close() {
    eu.close();
    us.close();
  }

  /** One tool call, its arguments made from the product (or dataset) word it names. */
  record Case(String tool, Function<String, Map<String, Object>> arguments) {}

  private static List<Case> namingCases() {
    return List.of(
        new Case("get_product", w -> Map.of("product", "fjord/" + w + "-ledger")),
        new Case("explain_access", w -> Map.of("product", "fjord/" + w + "-ledger")),
        new Case(
            "request_access",
            w -> Map.of("product", "fjord/" + w + "-ledger", "purpose", "month-end close")),
        new Case(
            "register_interest", w -> Map.of("product", "fjord/" + w + "-ledger", "useCase", "x")),
        new Case(
            "get_lineage",
            w -> Map.of("node", "dataset:" + NS + ":fjord.public." + w + "_ledger", "depth", 2)),
        new Case(
            "get_column_lineage",
            w ->
                Map.of(
                    "node",
                    "dataset:" + NS + ":fjord.public." + w + "_ledger",
                    "field",
                    "settlement_id")),
        new Case("search_catalog", w -> Map.of("query", w)),
        new Case("search_catalog", w -> Map.of("query", "settlement_id " + w + "_amount")),
        new Case(
            "validate_descriptor",
            w ->
                Map.of(
                    "descriptor",
                    "apiVersion: tessera/v1\nkind: DataProduct\nmetadata: {domain: fjord, name: "
                        + w
                        + "-ledger}\nspec: {title: x, owner: 'mailto:x@example.com',"
                        + " lifecycle: design}\n")),
        new Case(
            "sparql_query",
            w ->
                Map.of(
                    "query",
                    "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(LCASE(STR(?s)), \""
                        + w
                        + "\") || CONTAINS(LCASE(STR(?o)), \""
                        + w
                        + "\")) } LIMIT 10")));
  }

  @Test
  void shouldAnswerEveryToolAboutTheHiddenProductExactlyLikeAMissingOneForTheUsReader() {
    List<String> compared = new ArrayList<>();
    for (Case c : namingCases()) {
      CallToolResult hidden = us.call(c.tool(), c.arguments().apply(WORD));
      CallToolResult missing = us.call(c.tool(), c.arguments().apply(GHOST));
      String hiddenText = McpSession.text(hidden).replace(WORD, GHOST);
      assertThat(hidden.isError()).as(c.tool()).isEqualTo(missing.isError());
      assertThat(hiddenText).as(c.tool()).isEqualTo(McpSession.text(missing));
      assertThat(McpSession.text(hidden)).as(c.tool()).doesNotContain("Vellichor");
      compared.add(c.tool() + (hidden.isError() ? " → " + McpSession.text(hidden) : " → ok"));
    }
    assertThat(compared)
        .contains(
            "get_product → no data product fjord/vellichor-ledger",
            "explain_access → no data product fjord/vellichor-ledger",
            "request_access → no data product fjord/vellichor-ledger",
            "register_interest → no data product fjord/vellichor-ledger",
            "get_lineage → no lineage node dataset:" + NS + ":fjord.public.vellichor_ledger",
            "get_column_lineage → no lineage node dataset:" + NS + ":fjord.public.vellichor_ledger",
            "validate_descriptor → missing permission: domain-owner of fjord");
  }

  @Test
  void shouldAnswerLineageFromTheJobThatWritesTheHiddenDatasetLikeAMissingJobForTheUsReader() {
    Map<String, Object> writer = Map.of("node", "job:fjord-etl:build_ledger", "depth", 1);
    Map<String, Object> nobody = Map.of("node", "job:fjord-etl:build_nothing", "depth", 1);
    assertThat(us.error("get_lineage", writer).replace("build_ledger", "build_nothing"))
        .isEqualTo(us.error("get_lineage", nobody))
        .isEqualTo("no lineage node job:fjord-etl:build_nothing");
    assertThat(McpSession.text(eu.call("get_lineage", writer))).contains(WORD);
  }

  @Test
  void shouldShowTheHiddenProductInEveryToolToTheEuReader() {
    for (Case c : namingCases()) {
      if (c.tool().equals("validate_descriptor")) {
        continue; // a consumer may not write fjord either way
      }
      CallToolResult seen = eu.call(c.tool(), c.arguments().apply(WORD));
      assertThat(seen.isError()).as(c.tool() + ": " + McpSession.text(seen)).isFalse();
      assertThat(McpSession.text(seen).toLowerCase()).as(c.tool()).contains(WORD);
    }
    JsonNode product = eu.ok("get_product", Map.of("product", "fjord/vellichor-ledger"));
    assertThat(product.path("outputPorts").findValuesAsText("name")).contains("settlement_id");
  }

  @Test
  void shouldLeaveTheHiddenProductOutOfListsAndLineageForTheUsReaderOnly() {
    Map<String, Object> listing = Map.of("domain", "fjord", "productsPerDomain", 100);
    Map<String, Object> around =
        Map.of("node", "dataset:" + NS + ":fjord.public.ledger_summary", "depth", 5);
    Map<String, Object> fromRaw =
        Map.of("node", "dataset:" + NS + ":fjord.public.raw_events", "depth", 5);
    for (McpSession reader : List.of(eu, us)) {
      boolean sees = reader == eu;
      String domains = McpSession.text(reader.call("list_domains", listing));
      assertThat(domains).contains("raw-events", "quillon-accounts");
      assertThat(domains.contains(WORD)).isEqualTo(sees);
      String all = McpSession.text(reader.call("list_domains", Map.of()));
      assertThat(all.contains(WORD)).isEqualTo(sees);
      for (Map<String, Object> start : List.of(around, fromRaw)) {
        JsonNode graph = reader.ok("get_lineage", start);
        List<String> ids = graph.path("graph").findValuesAsText("id");
        assertThat(ids.stream().anyMatch(id -> id.startsWith("restricted:"))).isEqualTo(!sees);
        assertThat(graph.toString().contains(WORD)).isEqualTo(sees);
      }
      String suggest = McpSession.text(reader.call("search_catalog", Map.of("query", "vell*")));
      assertThat(suggest.contains(WORD)).isEqualTo(sees);
      JsonNode sparql =
          reader.ok(
              "sparql_query",
              Map.of(
                  "query",
                  "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o }"
                      + " FILTER(CONTAINS(LCASE(STR(?s)), \"vellichor\")"
                      + " || CONTAINS(LCASE(STR(?o)), \"vellichor\")) }"));
      assertThat(sparql.path("answer").asText().contains("\"value\": \"0\""))
          .as(sparql.toString())
          .isEqualTo(!sees);
    }
  }

  @Test
  void shouldReadTheHiddenProductsResourcesExactlyLikeMissingOnesForTheUsReader() {
    for (String suffix : List.of("", "/dprod.ttl")) {
      String hidden = readError(us, "tessera://products/fjord/vellichor-ledger" + suffix);
      String missing = readError(us, "tessera://products/fjord/ghostword-ledger" + suffix);
      assertThat(hidden.replace(WORD, GHOST)).isEqualTo(missing);
      assertThat(hidden).contains("no data product fjord/vellichor-ledger");
      assertThat(eu.read("tessera://products/fjord/vellichor-ledger" + suffix)).contains(WORD);
    }
    assertThat(us.read("tessera://domains/fjord")).contains("raw-events").doesNotContain(WORD);
    assertThat(eu.read("tessera://domains/fjord")).contains(WORD);
  }

  @Test
  void shouldShowTheUnreadableProductWithoutItsSchemaOrDescriptor() {
    for (McpSession reader : List.of(eu, us)) {
      String product =
          McpSession.text(reader.call("get_product", Map.of("product", "fjord/quillon-accounts")));
      assertThat(product).contains("quillon-accounts").doesNotContain("quillon_iban");
      String yaml = reader.read("tessera://products/fjord/quillon-accounts");
      assertThat(yaml).startsWith("# the descriptor of fjord/quillon-accounts is not shown");
      assertThat(reader.read("tessera://products/fjord/quillon-accounts/dprod.ttl"))
          .doesNotContain("quillon_iban");
      JsonNode why = reader.ok("explain_access", Map.of("product", "fjord/quillon-accounts"));
      assertThat(why.path("explanation").path("read").path("allowed").asBoolean()).isFalse();
    }
  }

  @Test
  void shouldAuditTheUsReadersDenialsWithoutTheirBeingVisibleToIt() {
    us.call("get_product", Map.of("product", "fjord/vellichor-ledger"));
    JsonNode rows =
        http.get("/api/v1/audit?subject=mcp-leak-us&action=mcp-call&limit=1000", ADMIN).ok();
    assertThat(rows.path("items").findValuesAsText("detail"))
        .anyMatch(d -> d.contains("message=no data product fjord/vellichor-ledger"));
    assertThat(rows.path("items").findValuesAsText("outcome")).contains("not-found");
    assertThat(http.get("/api/v1/audit?subject=mcp-leak-us", tokenOf(us)).status()).isEqualTo(403);
  }

  private String tokenOf(McpSession session) {
    return session == us ? usToken : euToken;
  }

  private String usToken;
  private String euToken;

  private static String readError(McpSession reader, String uri) {
    try {
      reader.read(uri);
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError(uri + " was read");
  }

  private String token(String subject, String role, Map<String, List<String>> attributes) {
    ObjectNode request = SecurityHttp.JSON.createObjectNode();
    request.put("subject", subject);
    request.putArray("roles").add(role);
    request.set("attributes", SecurityHttp.JSON.valueToTree(attributes));
    String secret =
        http.post("/api/v1/tokens", ADMIN, request.toString(), "application/json")
            .ok()
            .path("secret")
            .asText();
    if (subject.equals("mcp-leak-us")) {
      usToken = secret;
    } else if (subject.equals("mcp-leak-eu")) {
      euToken = secret;
    }
    return secret;
  }

  private static String resource(String name) {
    try (InputStream in = McpLeakMatrixIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
