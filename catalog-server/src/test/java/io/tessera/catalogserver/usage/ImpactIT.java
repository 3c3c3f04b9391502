package io.tessera.catalogserver.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.PlainHttp;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/v1/descriptors/impact} on the demo mesh: the sales team edits its exported
 * descriptors and sees who each breaking change would break, narrowed by column lineage, and
 * nothing is written.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImpactIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final String IMPACT = "/api/v1/descriptors/impact";
  private static final String PROBLEMS = "https://w3id.org/tessera/problems/";
  private static final String INVOICES_JOB = "acme-airflow/finance.invoices.invoices-table";
  private static final String REVENUE_JOB = "acme-airflow/sales.daily-revenue.daily-revenue-mart";

  @Inject EmbeddedServer server;

  private PlainHttp http;
  private String salesOwner;
  private String marketingOwner;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-impact-it", "tessera.demo", "true");
  }

  @BeforeAll
  void awaitTheDemoAndIssueTokens() throws InterruptedException {
    http = new PlainHttp(server.getURI());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!http.get("/api/v1/products/marketing/campaign-attribution/time-to-value", ADMIN)
        .json()
        .path("physicalAt")
        .isTextual()) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(200);
    }
    salesOwner = owner("impact-sales-owner", "sales");
    marketingOwner = owner("impact-marketing-owner", "marketing");
  }

  @Test
  void shouldShowTheTwoJobsAndTheProductThatReadARetypedColumn() {
    ObjectNode lines = latest("sales", "order-lines");
    column(lines, "order-lines-table", "list_price").put("type", "string");

    JsonNode impact = impact(lines, salesOwner, "");

    assertThat(impact.path("breaking").asBoolean()).isTrue();
    JsonNode doc = impact.path("documents").path(0);
    assertThat(doc.path("index").asInt()).isZero();
    assertThat(doc.path("status").asText()).isEqualTo("updated");
    assertThat(doc.path("breakingChanges")).hasSize(1);
    JsonNode change = doc.path("breakingChanges").path(0);
    assertThat(change.path("type").asText()).isEqualTo("column-retyped");
    assertThat(change.path("port").asText()).isEqualTo("order-lines-table");
    assertThat(change.path("column").asText()).isEqualTo("list_price");
    assertThat(change.path("before").asText()).isEqualTo("decimal");
    assertThat(change.path("after").asText()).isEqualTo("string");
    assertThat(change.path("message").asText())
        .isEqualTo(
            "column list_price of port order-lines-table changes type from decimal to string");
    assertThat(names(change, "job")).containsExactly(INVOICES_JOB, REVENUE_JOB);
    assertThat(names(change, "product")).containsExactly("sales/daily-revenue");
    JsonNode invoices = consumer(change, INVOICES_JOB);
    assertThat(invoices.path("domain").asText()).isEqualTo("finance");
    assertThat(invoices.path("sameDomain").asBoolean()).isFalse();
    assertThat(invoices.path("columns").toString()).isEqualTo("[\"list_price\"]");
    JsonNode revenue = consumer(change, REVENUE_JOB);
    assertThat(revenue.path("domain").asText()).isEqualTo("sales");
    assertThat(revenue.path("sameDomain").asBoolean()).isTrue();
    assertThat(impact.path("affectedConsumers").asInt()).isEqualTo(3);
    assertThat(
            column(latest("sales", "order-lines"), "order-lines-table", "list_price")
                .path("type")
                .asText())
        .as("nothing is written")
        .isEqualTo("decimal");
  }

  @Test
  void shouldLeaveOutJobsWhoseColumnLineageDoesNotReadTheChangedColumn() {
    ObjectNode lines = latest("sales", "order-lines");
    ArrayNode schema = (ArrayNode) port(lines, "order-lines-table").path("schema");
    for (int i = 0; i < schema.size(); i++) {
      if (schema.get(i).path("name").asText().equals("gross_margin")) {
        schema.remove(i);
      }
    }
    column(lines, "order-lines-table", "unit_cost").put("required", true);

    JsonNode changes =
        impact(lines, salesOwner, "").path("documents").path(0).path("breakingChanges");

    assertThat(changes.findValuesAsText("type"))
        .containsExactly("column-required", "column-removed");
    for (JsonNode change : changes) {
      assertThat(names(change, "job")).as("no job derives anything from it").isEmpty();
      assertThat(names(change, "product")).containsExactly("sales/daily-revenue");
    }
  }

  @Test
  void shouldNarrowAColumnRemovedFromOrdersToTheJobThatReadsIt() {
    ObjectNode orders = latest("sales", "orders");
    ArrayNode schema = (ArrayNode) port(orders, "orders-table").path("schema");
    for (int i = 0; i < schema.size(); i++) {
      if (schema.get(i).path("name").asText().equals("net_amount")) {
        schema.remove(i);
      }
    }

    JsonNode change =
        impact(orders, salesOwner, "").path("documents").path(0).path("breakingChanges").path(0);

    assertThat(change.path("type").asText()).isEqualTo("column-removed");
    assertThat(change.path("before").asText()).isEqualTo("decimal");
    assertThat(names(change, "job")).containsExactly(INVOICES_JOB);
    assertThat(names(change, "product"))
        .contains("finance/invoices", "customer/customer-360", "logistics/returns")
        .doesNotContain("sales/orders");
  }

  @Test
  void shouldListEveryReaderOfARemovedPortAndTheColumnsTheyRead() {
    ObjectNode orders = latest("sales", "orders");
    ArrayNode ports = (ArrayNode) orders.path("spec").path("outputPorts");
    ports.remove(0);

    JsonNode change =
        impact(orders, salesOwner, "").path("documents").path(0).path("breakingChanges").path(0);

    assertThat(change.path("type").asText()).isEqualTo("port-removed");
    assertThat(change.path("port").asText()).isEqualTo("orders-table");
    assertThat(names(change, "job"))
        .contains(
            INVOICES_JOB,
            "acme-airflow/sales.order-lines.order-lines-table",
            "acme-airflow/customer.customer-360.customer-360-table");
    JsonNode lines = consumer(change, "acme-airflow/sales.order-lines.order-lines-table");
    assertThat(lines.path("sameDomain").asBoolean()).isTrue();
    assertThat(lines.path("columns").toString()).isEqualTo("[\"order_id\"]");
    assertThat(consumer(change, INVOICES_JOB).path("columns").toString())
        .contains("net_amount", "order_id");
  }

  @Test
  void shouldReportADatasetThatMoves() {
    ObjectNode lines = latest("sales", "order-lines");
    ((ObjectNode) port(lines, "order-lines-table").path("dataset"))
        .put("name", "sales.core.order_lines");

    JsonNode change =
        impact(lines, salesOwner, "").path("documents").path(0).path("breakingChanges").path(0);

    assertThat(change.path("type").asText()).isEqualTo("dataset-moved");
    assertThat(change.path("before").asText())
        .isEqualTo("postgres://warehouse.internal:5432/sales.public.order_lines");
    assertThat(change.path("after").asText())
        .isEqualTo("postgres://warehouse.internal:5432/sales.core.order_lines");
    assertThat(names(change, "job")).containsExactly(INVOICES_JOB, REVENUE_JOB);
    assertThat(consumer(change, REVENUE_JOB).path("columns").toString())
        .contains("list_price", "order_date");
  }

  @Test
  void shouldReportARetirementWithItsAgreementsForTheOwnerOnly() {
    ObjectNode revenue = latest("sales", "daily-revenue");
    ((ObjectNode) revenue.path("spec")).put("lifecycle", "retired");

    JsonNode doc = impact(revenue, ADMIN, "").path("documents").path(0);

    assertThat(doc.path("status").asText()).isEqualTo("retired");
    JsonNode change = doc.path("breakingChanges").path(0);
    assertThat(change.path("type").asText()).isEqualTo("product-retired");
    assertThat(change.has("port")).isFalse();
    assertThat(names(change, "product"))
        .contains("marketing/marketing-roi", "sales/sales-forecast");
  }

  @Test
  void shouldReportADeletionAndRefuseUnknownOrForeignOnes() {
    JsonNode impact =
        http.post(IMPACT + "?deleted=sales/order-lines", salesOwner, "", "application/yaml").json();

    assertThat(impact.path("breaking").asBoolean()).isTrue();
    JsonNode doc = impact.path("documents").path(0);
    assertThat(doc.has("index")).isTrue();
    assertThat(doc.path("index").isNull()).isTrue();
    assertThat(doc.path("status").asText()).isEqualTo("deleted");
    JsonNode change = doc.path("breakingChanges").path(0);
    assertThat(change.path("type").asText()).isEqualTo("product-deleted");
    assertThat(names(change, "job")).containsExactly(INVOICES_JOB, REVENUE_JOB);
    assertThat(names(change, "product")).containsExactly("sales/daily-revenue");

    problem(
        http.post(IMPACT + "?deleted=sales/no-such-product", salesOwner, "", "application/yaml"),
        404,
        "not-found");
    problem(
        http.post(IMPACT + "?deleted=sales/order-lines", marketingOwner, "", "application/yaml"),
        403,
        "forbidden");
    problem(
        http.post(IMPACT + "?deleted=not-a-key", salesOwner, "", "application/yaml"),
        400,
        "invalid-request");
    problem(
        http.post(
            IMPACT + "?deleted=sales/order-lines",
            salesOwner,
            latest("sales", "order-lines").toString(),
            "application/json"),
        400,
        "invalid-request");
    assertThat(http.get("/api/v1/products/sales/order-lines", ADMIN).status()).isEqualTo(200);
  }

  @Test
  void shouldListNothingForANonBreakingEdit() {
    ObjectNode lines = latest("sales", "order-lines");
    ((ObjectNode) lines.path("spec")).put("description", "Order lines, now described better.");
    column(lines, "order-lines-table", "quantity").put("required", false);
    ((ArrayNode) port(lines, "order-lines-table").path("schema"))
        .addObject()
        .put("name", "loyalty_points")
        .put("type", "integer");

    JsonNode impact = impact(lines, salesOwner, "");

    assertThat(impact.path("breaking").asBoolean()).isFalse();
    assertThat(impact.path("affectedConsumers").asInt()).isZero();
    assertThat(impact.path("documents").path(0).path("status").asText()).isEqualTo("updated");
    assertThat(impact.path("documents").path(0).path("breakingChanges")).isEmpty();
  }

  @Test
  void shouldRefuseInvalidDocumentsForeignDomainsAndAnonymousCallers() {
    ObjectNode lines = latest("sales", "order-lines");
    ((ObjectNode) port(lines, "order-lines-table").path("dataset")).remove("name");
    JsonNode invalid =
        problem(
            http.post(IMPACT, salesOwner, lines.toString(), "application/json"),
            400,
            "invalid-descriptor");
    assertThat(invalid.path("errors").toString())
        .contains("documents[0].spec.outputPorts[0].dataset.name");

    ObjectNode valid = latest("sales", "order-lines");
    problem(
        http.post(IMPACT, marketingOwner, valid.toString(), "application/json"), 403, "forbidden");
    problem(http.post(IMPACT, null, valid.toString(), "application/json"), 401, "unauthorized");
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode impact(JsonNode document, String token, String query) {
    PlainHttp.Reply reply =
        http.post(IMPACT + query, token, document.toString(), "application/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private ObjectNode latest(String domain, String name) {
    JsonNode revisions =
        http.get("/api/v1/products/" + domain + "/" + name + "/revisions", ADMIN).json();
    JsonNode latest = null;
    for (JsonNode r : revisions) {
      if (r.path("descriptor").isObject()) {
        latest = r.path("descriptor");
      }
    }
    assertThat(latest).as(revisions.toString()).isNotNull();
    return latest.deepCopy();
  }

  private static ObjectNode port(JsonNode descriptor, String name) {
    for (JsonNode port : descriptor.path("spec").path("outputPorts")) {
      if (port.path("name").asText().equals(name)) {
        return (ObjectNode) port;
      }
    }
    throw new AssertionError("no port " + name);
  }

  private static ObjectNode column(JsonNode descriptor, String port, String name) {
    for (JsonNode column : port(descriptor, port).path("schema")) {
      if (column.path("name").asText().equals(name)) {
        return (ObjectNode) column;
      }
    }
    throw new AssertionError("no column " + name);
  }

  private static List<String> names(JsonNode change, String kind) {
    List<String> names = new ArrayList<>();
    for (JsonNode c : change.path("consumers")) {
      if (c.path("kind").asText().equals(kind)) {
        names.add(c.path("name").asText());
      }
    }
    return names;
  }

  private static JsonNode consumer(JsonNode change, String name) {
    for (JsonNode c : change.path("consumers")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no consumer " + name + " in " + change);
  }

  private static JsonNode problem(PlainHttp.Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + type);
    return problem;
  }

  private String owner(String subject, String domain) {
    return http.post(
            "/api/v1/tokens",
            ADMIN,
            "{\"subject\":\""
                + subject
                + "\",\"roles\":[\"domain-owner\"],\"domains\":[\""
                + domain
                + "\"]}",
            "application/json")
        .json()
        .path("secret")
        .asText();
  }
}
