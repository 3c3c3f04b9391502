package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog as of a date, over HTTP: a product is applied (v1), changed (v2, with a policy),
 * turned physical by a run, read downstream by a second job, then deleted; every as-of read at the
 * instants between those steps answers what the catalog was then, REST and GraphQL alike, from the
 * revisions and the lineage journal.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAsOfIT implements TestPropertyProvider {
  private static final String PG = "postgres://db:5432";
  private static final String ORDERS = "dataset:" + PG + ":shop.public.orders";
  private static final String LOAD_RUN = "0195d1c2-4e5f-7a6b-8c9d-0e1f2a3b4c5d";
  private static final String SUMMARY_RUN = "0195d1c2-4e5f-7a6b-8c9d-0e1f2a3b4c77";
  private static final String PRODUCT = "/api/v1/products/shop/orders";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private LineageHttp http;

  /** Before anything was applied. */
  private Instant beforeAll;

  /** After v1 was applied. */
  private Instant afterV1;

  /** After v2 (new description, a second port) and its policy were applied. */
  private Instant afterV2;

  /** After the run that wrote the promised dataset had been received. */
  private Instant afterLoad;

  /** After the run of the downstream job had been received. */
  private Instant afterSummary;

  /** After the product was deleted. */
  private Instant afterDelete;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-catalog-as-of-it");
  }

  @BeforeAll
  void liveThroughTheProductsLife() throws InterruptedException {
    http = new LineageHttp(server.getURI(), projection);
    beforeAll = tick();
    http.applyDescriptors(domainAndProduct("Confirmed orders (v1).", ""));
    afterV1 = tick();
    http.applyDescriptors(
        domainAndProduct(
                "Confirmed orders, one row per order (v2).",
                """
                    - name: orders-by-day
                      type: table
                      dataset: {namespace: "postgres://db:5432", name: "shop.public.orders_by_day"}
                """)
            + """
            ---
            apiVersion: tessera/v1
            kind: Policy
            metadata: {domain: shop, name: orders-internal}
            spec:
              targets: {products: [orders]}
              prohibitions:
                - actions: [read]
                  constraints:
                    - {attribute: purpose, values: [marketing]}
            """);
    afterV2 = tick();
    http.awaitProjected(
        http.accept(run("shop-etl", "load_orders", LOAD_RUN, "START")).path("id").asLong());
    http.awaitProjected(
        http.accept(run("shop-etl", "load_orders", LOAD_RUN, "COMPLETE")).path("id").asLong());
    afterLoad = tick();
    ObjectNode summary = run("shop-etl", "summarise_orders", SUMMARY_RUN, "COMPLETE");
    summary.putArray("inputs").addObject().put("namespace", PG).put("name", "shop.public.orders");
    summary
        .putArray("outputs")
        .addObject()
        .put("namespace", PG)
        .put("name", "shop.public.orders_summary");
    http.awaitProjected(http.accept(summary).path("id").asLong());
    afterSummary = tick();
    LineageHttp.Reply deleted =
        http.send("DELETE", PRODUCT, null, Map.of("Content-Type", "application/json"));
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    afterDelete = tick();
  }

  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  @Test
  void shouldAnswerLikeAMissingProductBeforeItWasAppliedAndAfterItWasDeleted() {
    LineageHttp.Reply missing = get("/api/v1/products/shop/no-such-product?asOf=" + q(afterV1));
    assertThat(missing.status()).isEqualTo(404);
    for (Instant at : List.of(beforeAll, afterDelete)) {
      LineageHttp.Reply reply = get(PRODUCT + "?asOf=" + q(at));
      assertThat(reply.status()).as(reply.body()).isEqualTo(404);
      assertThat(reply.json().path("type").asText())
          .isEqualTo(missing.json().path("type").asText());
      assertThat(reply.json().path("detail").asText()).isEqualTo("no data product shop/orders");
    }
    assertThat(get(PRODUCT + "?asOf=2000-01-01").status()).isEqualTo(404);
    assertThat(get(PRODUCT).status()).as("deleted now").isEqualTo(404);
  }

  @Test
  void shouldShowEachRevisionWithTheStateAndBindingsOfItsTime() {
    JsonNode v1 = get(PRODUCT + "?asOf=" + q(afterV1)).json();
    assertThat(v1.path("action").asText()).isEqualTo("created");
    assertThat(Instant.parse(v1.path("asOf").asText())).isEqualTo(afterV1);
    assertThat(v1.path("product").path("description").asText()).isEqualTo("Confirmed orders (v1).");
    assertThat(v1.path("product").path("revision").asInt()).isEqualTo(1);
    assertThat(v1.path("product").path("state").asText()).isEqualTo("planned");
    assertThat(portNames(v1)).containsExactly("orders-table");
    assertThat(v1.path("policies")).as("none applied then").isEmpty();

    JsonNode v2 = get(PRODUCT + "?asOf=" + q(afterV2)).json();
    assertThat(v2.path("action").asText()).isEqualTo("updated");
    assertThat(v2.path("product").path("revision").asInt()).isEqualTo(2);
    assertThat(v2.path("product").path("description").asText()).contains("(v2)");
    assertThat(v2.path("product").path("state").asText()).isEqualTo("planned");
    assertThat(portNames(v2)).containsExactly("orders-table", "orders-by-day");
    assertThat(v2.path("policies").findValuesAsText("key")).containsExactly("shop/orders-internal");

    JsonNode physical = get(PRODUCT + "?asOf=" + q(afterLoad)).json();
    assertThat(physical.path("product").path("state").asText()).isEqualTo("physical");
    assertThat(Instant.parse(physical.path("product").path("physicalSince").asText()))
        .isEqualTo(Instant.parse("2026-03-10T05:30:00Z"));
    JsonNode ports = physical.path("product").path("outputPorts");
    assertThat(ports.get(0).path("binding").path("evidence").asText())
        .isEqualTo("https://tessera.local/run/" + LOAD_RUN);
    assertThat(ports.get(1).path("binding").isMissingNode()).as("orders-by-day unbound").isTrue();
  }

  @Test
  void shouldWriteTheDescriptorInForceThen() {
    LineageHttp.Reply v1 =
        http.send(
            "GET",
            PRODUCT + "?format=tessera&asOf=" + q(afterV1),
            null,
            Map.of("Accept", "application/yaml"));
    assertThat(v1.status()).as(v1.body()).isEqualTo(200);
    assertThat(v1.body()).contains("Confirmed orders (v1).").doesNotContain("orders-by-day");
    LineageHttp.Reply v2 =
        http.send(
            "GET",
            PRODUCT + "?format=odps&asOf=" + q(afterSummary),
            null,
            Map.of("Accept", "application/json"));
    assertThat(v2.status()).as(v2.body()).isEqualTo(200);
    assertThat(v2.body()).contains("(v2)", "orders-by-day");
  }

  @Test
  void shouldListTheProductsThatExistedThen() {
    assertThat(names("/api/v1/products?domain=shop&asOf=" + q(beforeAll))).isEmpty();
    assertThat(names("/api/v1/products?domain=shop&asOf=" + q(afterV1))).containsExactly("orders");
    assertThat(names("/api/v1/products?domain=shop&lifecycle=physical&asOf=" + q(afterV2)))
        .isEmpty();
    assertThat(names("/api/v1/products?domain=shop&lifecycle=physical&asOf=" + q(afterLoad)))
        .containsExactly("orders");
    assertThat(names("/api/v1/products?asOf=" + q(afterDelete))).doesNotContain("orders");
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertThat(names("/api/v1/products?asOf=" + tomorrow))
        .as("a future instant answers like now")
        .isEqualTo(names("/api/v1/products"));
  }

  @Test
  void shouldWalkOnlyTheRunsReceivedByThen() {
    assertThat(get("/api/v1/lineage?nodeId=" + q(ORDERS) + "&asOf=" + q(afterV2)).status())
        .as("not observed yet")
        .isEqualTo(404);
    String directed = "/api/v1/lineage?traversal=directed&depth=4&nodeId=" + q(ORDERS);
    JsonNode before = get(directed + "&asOf=" + q(afterLoad)).json();
    assertThat(ids(before))
        .contains("job:shop-etl:load_orders")
        .doesNotContain(
            "job:shop-etl:summarise_orders", "dataset:" + PG + ":shop.public.orders_summary");
    JsonNode after = get(directed + "&asOf=" + q(afterSummary)).json();
    assertThat(ids(after)).contains("job:shop-etl:load_orders", "job:shop-etl:summarise_orders");
    assertThat(ids(get(directed).json())).isEqualTo(ids(after));
    JsonNode marquez =
        get("/api/v1/lineage?nodeId=" + q("job:shop-etl:load_orders") + "&asOf=" + q(afterLoad))
            .json();
    assertThat(ids(marquez)).doesNotContain("job:shop-etl:summarise_orders");
    assertThat(
            get("/api/v1/lineage?nodeId="
                    + q("job:shop-etl:summarise_orders")
                    + "&asOf="
                    + q(afterLoad))
                .status())
        .isEqualTo(404);
  }

  @Test
  void shouldRefuseAnAsOfThatIsNeitherAnInstantNorADate() {
    for (String bad :
        List.of("yesterday", "2026-13-01", "2026-03-01T12:00:00", "", "99999-01-01")) {
      for (String path :
          List.of(
              PRODUCT + "?asOf=" + q(bad),
              "/api/v1/products?asOf=" + q(bad),
              "/api/v1/lineage?nodeId=" + q(ORDERS) + "&asOf=" + q(bad))) {
        LineageHttp.Reply reply = get(path);
        assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.errorFields()).containsExactly("asOf");
      }
    }
  }

  @Test
  void shouldAnswerTheSameOverGraphQL() {
    JsonNode v1 =
        graphql(
            "query($at: String!) { productAsOf(domain: \"shop\", name: \"orders\", asOf: $at) {"
                + " action product { description state revision outputPorts { name binding {"
                + " evidence } } } } }",
            q0(afterV1));
    assertThat(v1.at("/data/productAsOf/product/description").asText())
        .isEqualTo("Confirmed orders (v1).");
    assertThat(v1.at("/data/productAsOf/product/state").asText()).isEqualTo("planned");
    JsonNode bound =
        graphql(
            "query($at: String!) { productAsOf(domain: \"shop\", name: \"orders\", asOf: $at) {"
                + " product { state outputPorts { binding { evidence } } } } }",
            q0(afterLoad));
    assertThat(bound.at("/data/productAsOf/product/state").asText()).isEqualTo("physical");
    assertThat(bound.at("/data/productAsOf/product/outputPorts/0/binding/evidence").asText())
        .endsWith(LOAD_RUN);
    for (Instant gone : List.of(beforeAll, afterDelete)) {
      JsonNode none =
          graphql(
              "query($at: String!) { productAsOf(domain: \"shop\", name: \"orders\", asOf: $at) {"
                  + " action } }",
              q0(gone));
      assertThat(none.at("/data/productAsOf").isNull()).isTrue();
      assertThat(none.path("errors").isMissingNode()).isTrue();
    }
    JsonNode listed =
        graphql(
            "query($at: String!) { productsAsOf(domain: \"shop\", asOf: $at) { items { name state"
                + " } nextCursor } }",
            q0(afterLoad));
    assertThat(listed.at("/data/productsAsOf/items").findValuesAsText("name"))
        .containsExactly("orders");
    JsonNode lineage =
        graphql(
            "query($at: String!) { lineage(start: {dataset: {namespace: \"postgres://db:5432\","
                + " name: \"shop.public.orders\"}}, depth: 4, asOf: $at) { nodes { id } } }",
            q0(afterLoad));
    assertThat(lineage.at("/data/lineage/nodes").findValuesAsText("id"))
        .contains("job:shop-etl:load_orders")
        .doesNotContain("job:shop-etl:summarise_orders");
    JsonNode bad =
        graphql(
            "query($at: String!) { productAsOf(domain: \"shop\", name: \"orders\", asOf: $at) {"
                + " action } }",
            "last tuesday");
    assertThat(bad.at("/errors/0/extensions/code").asText()).isEqualTo("invalid-request");
  }

  @Test
  void shouldAnswerTheSameToAnAgent() throws Exception {
    JsonNode v1 = mcp("get_product", Map.of("product", "shop/orders", "asOf", afterV1.toString()));
    assertThat(v1.path("isError").asBoolean()).as(v1.toString()).isFalse();
    JsonNode product = LineageHttp.JSON.readTree(v1.at("/content/0/text").asText());
    assertThat(product.path("product").path("description").asText())
        .isEqualTo("Confirmed orders (v1).");
    JsonNode gone =
        mcp("get_product", Map.of("product", "shop/orders", "asOf", afterDelete.toString()));
    assertThat(gone.path("isError").asBoolean()).isTrue();
    JsonNode lineage =
        mcp("get_lineage", Map.of("node", ORDERS, "depth", 4, "asOf", afterLoad.toString()));
    assertThat(lineage.at("/content/0/text").asText())
        .contains("job:shop-etl:load_orders")
        .doesNotContain("summarise_orders");
    JsonNode bad = mcp("get_product", Map.of("product", "shop/orders", "asOf", "someday"));
    assertThat(bad.path("isError").asBoolean()).isTrue();
    assertThat(bad.at("/content/0/text").asText()).contains("asOf must be");
  }

  private JsonNode mcp(String tool, Map<String, Object> arguments) {
    ObjectNode call =
        LineageHttp.JSON
            .createObjectNode()
            .put("jsonrpc", "2.0")
            .put("id", 1)
            .put("method", "tools/call");
    call.putObject("params")
        .put("name", tool)
        .set("arguments", LineageHttp.JSON.valueToTree(arguments));
    LineageHttp.Reply reply =
        http.send(
            "POST",
            "/mcp",
            call.toString().getBytes(StandardCharsets.UTF_8),
            Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("result");
  }

  private LineageHttp.Reply get(String path) {
    return http.send("GET", path, null, Map.of("Accept", "application/json"));
  }

  private List<String> names(String path) {
    LineageHttp.Reply reply = get(path);
    assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
    return reply.json().path("items").findValuesAsText("name");
  }

  private static List<String> portNames(JsonNode asOf) {
    List<String> names = new java.util.ArrayList<>();
    asOf.path("product").path("outputPorts").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }

  private static List<String> ids(JsonNode lineage) {
    List<String> ids = new java.util.ArrayList<>();
    lineage.path("graph").forEach(node -> ids.add(node.path("id").asText()));
    return ids.stream().sorted().toList();
  }

  private JsonNode graphql(String query, String at) {
    ObjectNode body = LineageHttp.JSON.createObjectNode().put("query", query);
    body.putObject("variables").put("at", at);
    LineageHttp.Reply reply =
        http.send(
            "POST",
            "/graphql",
            body.toString().getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/json", "Accept", "application/json"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /**
   * The instant now, strictly after everything recorded before and strictly before everything
   * recorded after (revisions and journal rows are stored to the microsecond).
   */
  private static Instant tick() throws InterruptedException {
    Thread.sleep(5);
    Instant now = Instant.now();
    Thread.sleep(5);
    return now;
  }

  private static String q(Instant at) {
    return q(q0(at));
  }

  private static String q0(Instant at) {
    return at.toString();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static ObjectNode run(String namespace, String job, String runId, String type) {
    ObjectNode event = OpenLineageFixtures.resource("load-orders-run.json");
    event.put("eventType", type).put("eventTime", "2026-03-10T06:30:00+01:00");
    ((ObjectNode) event.get("run")).put("runId", runId);
    ((ObjectNode) event.get("job")).put("namespace", namespace).put("name", job);
    return event;
  }

  private static String domainAndProduct(String description, String morePorts) {
    return """
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: shop}
        spec: {title: Shop, owner: "mailto:shop-data@example.com"}
        ---
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: shop, name: orders}
        spec:
          title: Orders
          description: "%s"
          owner: mailto:shop-data@example.com
          lifecycle: design
          outputPorts:
            - name: orders-table
              type: table
              dataset: {namespace: "postgres://db:5432", name: "shop.public.orders"}
        %s"""
        .formatted(description, morePorts);
  }
}
