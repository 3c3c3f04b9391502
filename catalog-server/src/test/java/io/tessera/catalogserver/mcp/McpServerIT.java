package io.tessera.catalogserver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.modelcontextprotocol.spec.McpSchema;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MCP server at {@code /mcp} driven by the MCP Java SDK's own client over real HTTP, on the
 * demo catalog: initialise, list tools and resource templates, call every tool, read every kind of
 * resource, bad arguments as tool errors, the rate limit, the audit rows and the agents' view, and
 * {@code 401} without a token. The scenario a new user tries (a US analyst finds orders, reads its
 * ports and lineage, is told a restricted customer product is not available, and finds every call
 * in the audit log) is written to {@code target/mcp-transcript.md} as it runs.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpServerIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final int RATE_LIMIT = 100;
  private static final String ORDERS_NODE =
      "dataset:postgres://warehouse.internal:5432:sales.public.orders";
  private static final List<String> TOOLS =
      List.of(
          "search_catalog",
          "get_product",
          "list_domains",
          "get_lineage",
          "get_column_lineage",
          "explain_access",
          "sparql_query",
          "request_access",
          "register_interest",
          "validate_descriptor");

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  private final HttpClient http = HttpClient.newHttpClient();
  private String usAnalyst;
  private String euAnalyst;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-mcp-it",
        "tessera.demo",
        "true",
        "tessera.mcp.rate-limit",
        Integer.toString(RATE_LIMIT));
  }

  @BeforeAll
  void awaitTheDemoAndIssueTokens() throws InterruptedException {
    assertThat(projection.awaitProjected(projection.status().journal(), Duration.ofSeconds(120)))
        .isTrue();
    long revision;
    do {
      revision = store.revision();
      assertThat(index.awaitRevision(revision, Duration.ofSeconds(120))).isTrue();
    } while (store.revision() != revision);
    usAnalyst = token("mcp-us-analyst", Map.of("region", List.of("us")), false, null);
    euAnalyst = token("mcp-eu-analyst", Map.of("region", List.of("eu")), false, null);
  }

  @Test
  void shouldInitialiseAndListEveryToolAndResourceTemplate() {
    try (McpSession mcp = McpSession.connect(server.getURI(), usAnalyst)) {
      McpSchema.InitializeResult init = mcp.client().initialize();
      assertThat(init.serverInfo().name()).isEqualTo("tessera");
      assertThat(init.capabilities().tools()).isNotNull();
      assertThat(init.capabilities().resources()).isNotNull();
      assertThat(init.instructions()).contains("search_catalog");

      List<McpSchema.Tool> tools = mcp.client().listTools().tools();
      assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
      for (McpSchema.Tool tool : tools) {
        assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(80);
        assertThat(tool.inputSchema()).containsEntry("type", "object");
        assertThat(tool.inputSchema()).containsEntry("additionalProperties", false);
        assertThat(tool.inputSchema()).containsKey("properties");
      }
      assertThat(mcp.client().listResourceTemplates().resourceTemplates())
          .extracting(McpSchema.ResourceTemplate::uriTemplate)
          .containsExactlyInAnyOrder(
              "tessera://products/{domain}/{name}",
              "tessera://products/{domain}/{name}/dprod.ttl",
              "tessera://domains/{name}");
      // no concrete resources: a list would name products to callers who may not see them
      assertThat(mcp.client().listResources().resources()).isEmpty();
    }
  }

  @Test
  void shouldLetAUsAnalystFindOrdersReadItsPortsAndLineageButNotTheRestrictedCustomerProduct()
      throws IOException {
    Transcript transcript = new Transcript();
    try (McpSession mcp = McpSession.open(server.getURI(), usAnalyst)) {
      Map<String, Object> find = Map.of("query", "orders", "types", List.of("product"), "limit", 5);
      JsonNode hits = transcript.call(mcp, "search_catalog", find);
      assertThat(hits.path("hits"))
          .anyMatch(
              h ->
                  h.path("type").asText().equals("product")
                      && h.path("domain").asText().equals("sales")
                      && h.path("name").asText().equals("orders"));

      JsonNode orders = transcript.call(mcp, "get_product", Map.of("product", "sales/orders"));
      assertThat(orders.path("title").asText()).isEqualTo("Customer Orders");
      JsonNode port = orders.path("outputPorts").get(0);
      assertThat(port.path("dataset").path("name").asText()).isEqualTo("sales.public.orders");
      assertThat(port.path("schema").findValuesAsText("name")).contains("order_id", "net_amount");
      assertThat(orders.path("owner").asText()).isEqualTo("mailto:sales-data@acme-retail.example");

      JsonNode lineage =
          transcript.call(
              mcp, "get_lineage", Map.of("node", ORDERS_NODE, "depth", 2, "maxNodes", 20));
      assertThat(lineage.path("graph").size()).isGreaterThan(1);
      assertThat(lineage.path("graph").findValuesAsText("id")).contains(ORDERS_NODE);

      String denied =
          transcript.error(mcp, "explain_access", Map.of("product", "customer/customer-profiles"));
      assertThat(denied).isEqualTo("no data product customer/customer-profiles");
      assertThat(mcp.error("explain_access", Map.of("product", "customer/no-such-product")))
          .isEqualTo("no data product customer/no-such-product");

      JsonNode churn =
          transcript.call(mcp, "explain_access", Map.of("product", "customer/churn-risk-scores"));
      assertThat(churn.path("explanation").path("discover").path("allowed").asBoolean()).isTrue();
      assertThat(churn.path("explanation").path("read").path("allowed").asBoolean()).isFalse();
      assertThat(churn.path("summary").asText()).contains("but not read");
    }
    JsonNode audit =
        getJson("/api/v1/audit?subject=mcp-us-analyst&action=mcp-call&limit=100", ADMIN);
    List<String> details = audit.path("items").findValuesAsText("detail");
    assertThat(details).anyMatch(d -> d.startsWith("tool=search_catalog "));
    assertThat(details).anyMatch(d -> d.startsWith("tool=get_product ") && d.contains("results=1"));
    assertThat(details).anyMatch(d -> d.startsWith("tool=get_lineage "));
    assertThat(audit.path("items").findValuesAsText("outcome")).contains("ok", "not-found");
    transcript.audit(audit);
    transcript.write();
  }

  @Test
  void shouldShowTheRestrictedProductToTheReaderWhoMaySeeIt() {
    try (McpSession mcp = McpSession.open(server.getURI(), euAnalyst)) {
      JsonNode why = mcp.ok("explain_access", Map.of("product", "customer/customer-profiles"));
      assertThat(why.path("explanation").path("read").path("allowed").asBoolean()).isTrue();
      assertThat(mcp.ok("get_product", Map.of("product", "customer/customer-profiles")))
          .isNotNull();
    }
  }

  @Test
  void shouldCallEveryOtherTool() {
    try (McpSession mcp = McpSession.open(server.getURI(), usAnalyst)) {
      JsonNode domains = mcp.ok("list_domains", Map.of("productsPerDomain", 5));
      assertThat(domains.findValuesAsText("name")).contains("sales", "customer", "orders");
      assertThat(mcp.ok("list_domains", Map.of("domain", "sales")).get(0).path("name").asText())
          .isEqualTo("sales");

      JsonNode columns =
          mcp.ok(
              "get_column_lineage",
              Map.of("node", ORDERS_NODE, "field", "order_id", "direction", "downstream"));
      assertThat(columns.path("field").path("field").asText()).isEqualTo("order_id");

      JsonNode select =
          mcp.ok(
              "sparql_query",
              Map.of(
                  "query",
                  "PREFIX dprod: <https://ekgf.github.io/dprod/>\n"
                      + "SELECT ?p WHERE { ?p a dprod:DataProduct }",
                  "limit",
                  5));
      assertThat(select.path("format").asText()).isEqualTo("application/sparql-results+json");
      assertThat(select.path("results").asInt()).isEqualTo(5);
      assertThat(select.path("truncated").asBoolean()).isTrue();
      assertThat(
              mcp.ok(
                      "sparql_query",
                      Map.of("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"))
                  .path("format")
                  .asText())
          .isEqualTo("text/turtle");
      assertThat(mcp.error("sparql_query", Map.of("query", "DELETE WHERE { ?s ?p ?o }")))
          .isNotBlank()
          .doesNotContain("Exception");

      JsonNode request =
          mcp.ok(
              "request_access",
              Map.of(
                  "product",
                  "customer/churn-risk-scores",
                  "purpose",
                  "Score US churn for the retention campaign",
                  "purposeCode",
                  "retention",
                  "durationDays",
                  30));
      assertThat(request.path("state").asText()).isIn("requested", "active");
      assertThat(request.path("requester").asText()).isEqualTo("mcp-us-analyst");
      assertThat(
              mcp.error(
                  "request_access",
                  Map.of("product", "customer/churn-risk-scores", "purpose", "again")))
          .contains("already have an open request");

      JsonNode interest =
          mcp.ok(
              "register_interest",
              Map.of("product", "sales/orders", "useCase", "weekly revenue digest"));
      assertThat(interest.path("useCase").asText()).isEqualTo("weekly revenue digest");
    }
  }

  @Test
  void shouldValidateADescriptorWithoutWritingIt() {
    String descriptor =
        """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: sales, name: mcp-dry-run}
        spec:
          title: MCP dry run
          owner: mailto:sales-data@acme-retail.example
          lifecycle: design
        """;
    String owner = token("mcp-sales-owner", Map.of(), false, null, "domain-owner", "sales");
    try (McpSession mcp = McpSession.open(server.getURI(), owner)) {
      JsonNode report = mcp.ok("validate_descriptor", Map.of("descriptor", descriptor));
      assertThat(report.path("dryRun").asBoolean()).isTrue();
      assertThat(report.path("results").get(0).path("status").asText()).isEqualTo("created");
      assertThat(mcp.error("get_product", Map.of("product", "sales/mcp-dry-run")))
          .isEqualTo("no data product sales/mcp-dry-run");
      assertThat(
              mcp.error(
                  "validate_descriptor",
                  Map.of("descriptor", descriptor.replace("title: MCP dry run", "title: [x"))))
          .doesNotContain("Exception");
      assertThat(
              mcp.error(
                  "validate_descriptor",
                  Map.of(
                      "descriptor", descriptor.replace("lifecycle: design", "lifecycle: someday"))))
          .contains("spec.lifecycle");
    }
    try (McpSession mcp = McpSession.open(server.getURI(), usAnalyst)) {
      assertThat(mcp.error("validate_descriptor", Map.of("descriptor", descriptor)))
          .startsWith("missing permission: ");
    }
  }

  @Test
  void shouldReadProductAndDomainResources() {
    try (McpSession mcp = McpSession.open(server.getURI(), usAnalyst)) {
      String yaml = mcp.read("tessera://products/sales/orders");
      assertThat(yaml).contains("kind: \"DataProduct\"").contains("sales.public.orders");
      String turtle = mcp.read("tessera://products/sales/orders/dprod.ttl");
      assertThat(turtle).contains("dprod").contains("Customer Orders");
      String domain = mcp.read("tessera://domains/sales");
      assertThat(domain).contains("\"name\":\"sales\"").contains("\"orders\"");
      String outline = mcp.read("tessera://products/customer/churn-risk-scores");
      assertThat(outline).startsWith("# the descriptor of customer/churn-risk-scores is not shown");

      assertThatThrownBy(() -> mcp.read("tessera://products/customer/customer-profiles"))
          .hasMessageContaining("no data product customer/customer-profiles");
      assertThatThrownBy(() -> mcp.read("tessera://products/sales/NOT A SLUG"))
          .hasMessageContaining("no data product");
    }
  }

  @Test
  void shouldAnswerBadArgumentsWithReadableToolErrors() {
    try (McpSession mcp = McpSession.open(server.getURI(), usAnalyst)) {
      Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
      bad.put("get_product", Map.of("product", "orders"));
      bad.put("explain_access", Map.of());
      bad.put("search_catalog", Map.of("limit", 500));
      bad.put("get_lineage", Map.of("node", ORDERS_NODE, "depth", 9));
      bad.put("get_column_lineage", Map.of("node", ORDERS_NODE));
      bad.put("list_domains", Map.of("productsPerDomain", "many"));
      bad.put("sparql_query", Map.of("query", "SELECT nonsense {"));
      bad.put("request_access", Map.of("product", "sales/orders"));
      bad.put("register_interest", Map.of("product", "sales/orders", "extra", true));
      bad.put("validate_descriptor", Map.of("descriptor", 42));
      List<String> messages = new ArrayList<>();
      bad.forEach((tool, args) -> messages.add(tool + ": " + mcp.error(tool, args)));
      assertThat(messages)
          .contains(
              "get_product: invalid arguments: 'product' must be domain/name in lower-case"
                  + " slugs, e.g. sales/orders",
              "explain_access: invalid arguments: 'product' is required",
              "search_catalog: invalid arguments: 'limit' must be between 1 and 50, not 500",
              "get_lineage: invalid arguments: 'depth' must be between 0 and 5, not 9",
              "get_column_lineage: invalid arguments: 'field' is required",
              "list_domains: invalid arguments: 'productsPerDomain' must be an integer",
              "request_access: invalid arguments: 'purpose' is required",
              "validate_descriptor: invalid arguments: 'descriptor' must be a string");
      assertThat(messages)
          .anyMatch(m -> m.startsWith("register_interest: invalid arguments: unknown argument"));
      assertThat(messages).noneMatch(m -> m.contains("Exception") || m.contains("\tat "));
      assertThatThrownBy(() -> mcp.call("no_such_tool", Map.of())).isNotNull();
    }
  }

  @Test
  void shouldRefuseCallsPastTheRateLimitWithAClearErrorAndAuditIt() {
    String token = token("mcp-busy-agent", Map.of(), true, "data-platform-team");
    try (McpSession mcp = McpSession.open(server.getURI(), token)) {
      Throwable refused = null;
      for (int i = 0; i < RATE_LIMIT * 3 && refused == null; i++) {
        try {
          mcp.call("get_product", Map.of("product", "sales/orders"));
        } catch (RuntimeException e) {
          refused = e;
        }
      }
      assertThat(refused).isNotNull();
      assertThat(refused)
          .hasMessageContaining(
              "rate limit exceeded: at most " + RATE_LIMIT + " tool calls and resource reads");
    }
    // another token of the same server is not affected
    try (McpSession other = McpSession.open(server.getURI(), usAnalyst)) {
      assertThat(other.ok("get_product", Map.of("product", "sales/orders"))).isNotNull();
    }
    JsonNode audit =
        getJson("/api/v1/audit?subject=mcp-busy-agent&action=mcp-call&limit=1000", ADMIN);
    assertThat(audit.path("items").findValuesAsText("outcome")).contains("ok", "rate-limited");
  }

  @Test
  void shouldMarkAgentTokensAndShowAdminsWhichProductsAgentsUse() {
    String agent = token("mcp-report-bot", Map.of(), true, "jane.doe@acme-retail.example");
    try (McpSession mcp = McpSession.open(server.getURI(), agent)) {
      mcp.ok("get_product", Map.of("product", "sales/orders"));
      mcp.ok("explain_access", Map.of("product", "sales/orders"));
      mcp.error("get_product", Map.of("product", "customer/customer-profiles"));
    }
    JsonNode tokens = getJson("/api/v1/tokens?subject=mcp-report-bot", ADMIN);
    assertThat(tokens.get(0).path("agent").asBoolean()).isTrue();
    assertThat(tokens.get(0).path("onBehalfOf").asText()).isEqualTo("jane.doe@acme-retail.example");

    JsonNode rows = getJson("/api/v1/audit?subject=mcp-report-bot&action=mcp-call", ADMIN);
    assertThat(rows.path("items").findValuesAsText("detail"))
        .allMatch(d -> d.contains("caller=agent on behalf of jane.doe@acme-retail.example"))
        .anyMatch(d -> d.matches("tool=get_product argumentBytes=\\d+ results=1 .*"))
        .anyMatch(d -> d.contains("message=no data product customer/customer-profiles"));

    JsonNode agents = getJson("/api/v1/admin/agents", ADMIN);
    JsonNode bot = null;
    for (JsonNode a : agents) {
      if (a.path("subject").asText().equals("mcp-report-bot")) {
        bot = a;
      }
    }
    assertThat(bot).isNotNull();
    assertThat(bot.path("agent").asBoolean()).isTrue();
    assertThat(bot.path("onBehalfOf").asText()).isEqualTo("jane.doe@acme-retail.example");
    assertThat(bot.path("calls").asInt()).isEqualTo(3);
    assertThat(bot.path("refused").asInt()).isEqualTo(1);
    assertThat(bot.path("products").findValuesAsText("product")).containsExactly("sales/orders");
    assertThat(send("GET", "/api/v1/admin/agents", usAnalyst, null).statusCode()).isEqualTo(403);

    ObjectNode notAnAgent = McpSession.JSON.createObjectNode();
    notAnAgent.put("subject", "x").putArray("roles").add("consumer");
    notAnAgent.put("onBehalfOf", "someone");
    HttpResponse<String> refused = send("POST", "/api/v1/tokens", ADMIN, notAnAgent.toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("onBehalfOf");
  }

  @Test
  void shouldNeedCredentialsAndAnswerOnlyPost() {
    String initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
    HttpResponse<String> anonymous = send("POST", "/mcp", null, initialize);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"tessera\"");
    assertThat(send("POST", "/mcp", "tsr_not-a-real-token", initialize).statusCode())
        .isEqualTo(401);
    assertThatThrownBy(() -> McpSession.open(server.getURI(), "tsr_not-a-real-token")).isNotNull();

    HttpResponse<String> ok = send("POST", "/mcp", usAnalyst, initialize);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"name\":\"tessera\"");
    assertThat(send("GET", "/mcp", usAnalyst, null).statusCode()).isEqualTo(405);
    assertThat(send("POST", "/mcp", usAnalyst, "{not json").statusCode()).isEqualTo(400);
    assertThat(
            send(
                    "POST",
                    "/mcp",
                    usAnalyst,
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                .statusCode())
        .isEqualTo(202);
  }

  // ------------------------------------------------------------------ helpers

  private String token(
      String subject, Map<String, List<String>> attributes, boolean agent, String onBehalfOf) {
    return token(subject, attributes, agent, onBehalfOf, "consumer", null);
  }

  private String token(
      String subject,
      Map<String, List<String>> attributes,
      boolean agent,
      String onBehalfOf,
      String role,
      String domain) {
    ObjectNode request = McpSession.JSON.createObjectNode();
    request.put("subject", subject);
    request.putArray("roles").add(role);
    if (domain != null) {
      request.putArray("domains").add(domain);
    }
    request.set("attributes", McpSession.JSON.valueToTree(attributes));
    if (agent) {
      request.put("agent", true);
      request.put("onBehalfOf", onBehalfOf);
    }
    HttpResponse<String> created = send("POST", "/api/v1/tokens", ADMIN, request.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return parse(created.body()).path("secret").asText();
  }

  private JsonNode getJson(String path, String token) {
    HttpResponse<String> response = send("GET", path, token, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return parse(response.body());
  }

  HttpResponse<String> send(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return McpSession.JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(body, e);
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The scenario's calls and answers, written as Markdown for docs/mcp.md. */
  private static final class Transcript {
    private final StringBuilder out = new StringBuilder();

    JsonNode call(McpSession mcp, String tool, Map<String, Object> arguments) throws IOException {
      JsonNode answer = mcp.ok(tool, arguments);
      add(
          tool,
          arguments,
          McpSession.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer),
          false);
      return answer;
    }

    String error(McpSession mcp, String tool, Map<String, Object> arguments) throws IOException {
      String message = mcp.error(tool, arguments);
      add(tool, arguments, message, true);
      return message;
    }

    void audit(JsonNode rows) {
      out.append("### audit (`GET /api/v1/audit?subject=mcp-us-analyst&action=mcp-call`)\n\n```\n");
      for (JsonNode row : rows.path("items")) {
        out.append(row.path("outcome").asText())
            .append("  ")
            .append(row.path("entity").asText("-"))
            .append("  ")
            .append(row.path("detail").asText())
            .append('\n');
      }
      out.append("```\n");
    }

    private void add(String tool, Map<String, Object> arguments, String answer, boolean error)
        throws IOException {
      out.append("### ")
          .append(tool)
          .append(' ')
          .append(McpSession.JSON.writeValueAsString(arguments))
          .append(error ? " → isError\n\n```\n" : "\n\n```json\n")
          .append(answer.length() > 4000 ? answer.substring(0, 4000) + "\n…" : answer)
          .append("\n```\n\n");
    }

    void write() throws IOException {
      Path target = Path.of("target", "mcp-transcript.md");
      Files.createDirectories(target.getParent());
      Files.writeString(target, out.toString());
    }
  }
}
