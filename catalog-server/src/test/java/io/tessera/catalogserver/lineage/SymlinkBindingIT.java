package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.RequiresSharedCorpus;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Spark reports a table it writes by its storage path and gives the table name only in the {@code
 * symlinks} dataset facet. A product promising the table name turns physical through that symlink,
 * and its binding says so (REST, GraphQL); a product declared after the events binds the same way,
 * a rebuild of the lineage graphs keeps it, and search finds the path by the table name. The events
 * are those a real Spark 3.5 job emitted ({@code src/test/resources/lineage/spark-symlinks}, see
 * its SOURCES.md) and, where the corpus is present, the public Spark events of the shared corpus.
 * The tests build on each other, in order.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SymlinkBindingIT implements TestPropertyProvider {
  private static final String WAREHOUSE = "file:/tmp/warehouse";
  private static final String PATH = "/tmp/warehouse/customer_totals_tbl";
  private static final String TABLE = "default.customer_totals_tbl";

  /** The run of the recorded job that created the table and reported its TABLE symlink. */
  private static final String CTAS_RUN = "01a25116-f7fa-71c4-b711-a0bbc9683e3e";

  private static final String PRODUCTS =
      """
      apiVersion: tessera/v1
      kind: Domain
      metadata:
        name: analytics
      spec:
        title: Analytics
        owner: mailto:analytics@example.com
      ---
      apiVersion: tessera/v1
      kind: DataProduct
      metadata:
        domain: analytics
        name: customer-totals
      spec:
        title: Customer totals
        description: What each customer has spent, one row per customer.
        owner: mailto:analytics@example.com
        lifecycle: build
        outputPorts:
          - name: totals-table
            type: table
            dataset: {namespace: "file:/tmp/warehouse", name: "default.customer_totals_tbl"}
      ---
      apiVersion: tessera/v1
      kind: DataProduct
      metadata:
        domain: analytics
        name: other-warehouse-totals
      spec:
        title: Totals of another warehouse
        owner: mailto:analytics@example.com
        lifecycle: design
        outputPorts:
          - name: totals-table
            type: table
            dataset: {namespace: "file:/srv/other-warehouse", name: "default.customer_totals_tbl"}
      """;

  private static final String LATE_PRODUCT =
      """
      apiVersion: tessera/v1
      kind: DataProduct
      metadata:
        domain: analytics
        name: big-customers
      spec:
        title: Big customers
        owner: mailto:analytics@example.com
        lifecycle: build
        outputPorts:
          - name: big-customers-table
            type: table
            dataset: {namespace: "file:/tmp/warehouse", name: "default.big_customers_tbl"}
      """;

  private static final String CORPUS_PRODUCTS =
      """
      apiVersion: tessera/v1
      kind: DataProduct
      metadata:
        domain: analytics
        name: cll-sources
      spec:
        title: Column-lineage sources
        owner: mailto:analytics@example.com
        lifecycle: build
        outputPorts:
          - name: source-one
            type: table
            dataset: {namespace: "file:/tmp/cll_test", name: "default.cll_source1"}
          - name: joined
            type: table
            dataset: {namespace: "file:/tmp/cll_test", name: "default.tbl1"}
      ---
      apiVersion: tessera/v1
      kind: DataProduct
      metadata:
        domain: analytics
        name: versioned
      spec:
        title: Versioned Delta table
        owner: mailto:analytics@example.com
        lifecycle: build
        outputPorts:
          - name: versioned-table
            type: table
            dataset: {namespace: "file:/tmp/delta", name: "default.versioned_table"}
      """;

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject IriMinter iris;

  private LineageHttp http;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-symlink-binding-it");
  }

  @BeforeAll
  void declare() {
    http = new LineageHttp(server.getURI(), projection);
    http.applyDescriptors(PRODUCTS);
  }

  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  @Test
  @Order(1)
  void shouldTurnPhysicalThroughTheTableSymlinkOfTheRecordedSparkEvents() {
    assertThat(http.get("/api/v1/products/analytics/customer-totals").path("state").asText())
        .isEqualTo("planned");

    http.awaitProjected(http.acceptAll(recorded()));

    JsonNode product = http.get("/api/v1/products/analytics/customer-totals");
    assertThat(product.path("state").asText()).isEqualTo("physical");
    assertThat(Instant.parse(product.path("physicalSince").asText()))
        .isEqualTo(Instant.parse("2026-12-07T15:20:21.784Z"));
    JsonNode binding = product.path("outputPorts").get(0).path("binding");
    assertThat(binding.path("match").asText()).isEqualTo("symlink");
    assertThat(binding.path("dataset").path("namespace").asText()).isEqualTo("file");
    assertThat(binding.path("dataset").path("name").asText()).isEqualTo(PATH);
    assertThat(binding.path("symlink").path("namespace").asText()).isEqualTo(WAREHOUSE);
    assertThat(binding.path("symlink").path("name").asText()).isEqualTo(TABLE);
    assertThat(binding.path("symlink").path("type").asText()).isEqualTo("TABLE");
    assertThat(binding.path("evidence").asText()).isEqualTo(iris.run(CTAS_RUN));
    assertThat(binding.path("description").asText())
        .isEqualTo(
            "bound through the table name default.customer_totals_tbl (namespace"
                + " file:/tmp/warehouse) reported as a symlink of"
                + " file:/tmp/warehouse/customer_totals_tbl");
    // the promise itself is unchanged
    assertThat(product.path("outputPorts").get(0).path("dataset").path("name").asText())
        .isEqualTo(TABLE);
  }

  @Test
  @Order(2)
  void shouldNotBindTheSameTableNameInAnotherNamespace() {
    JsonNode other = http.get("/api/v1/products/analytics/other-warehouse-totals");
    assertThat(other.path("state").asText()).isEqualTo("planned");
    assertThat(other.path("outputPorts").get(0).path("binding").isMissingNode()).isTrue();
  }

  @Test
  @Order(3)
  void shouldShowHowThePortMatchedInGraphQL() {
    JsonNode ports =
        graphql(
                "{ product(domain: \\\"analytics\\\", name: \\\"customer-totals\\\") {"
                    + " outputPorts { edges { node { name bound dataset { name physical }"
                    + " boundThrough { kind namespace name symlinkType observedNamespace"
                    + " observedName description } } } } } }")
            .path("data")
            .path("product")
            .path("outputPorts");

    JsonNode port = ports.path("edges").get(0).path("node");
    assertThat(port.path("bound").asBoolean()).isTrue();
    assertThat(port.path("dataset").path("physical").asBoolean()).isTrue();
    JsonNode through = port.path("boundThrough");
    assertThat(through.path("kind").asText()).isEqualTo("SYMLINK");
    assertThat(through.path("namespace").asText()).isEqualTo(WAREHOUSE);
    assertThat(through.path("name").asText()).isEqualTo(TABLE);
    assertThat(through.path("symlinkType").asText()).isEqualTo("TABLE");
    assertThat(through.path("observedNamespace").asText()).isEqualTo("file");
    assertThat(through.path("observedName").asText()).isEqualTo(PATH);
    assertThat(through.path("description").asText())
        .startsWith("bound through the table name " + TABLE);
  }

  @Test
  @Order(4)
  void shouldBindAProductDeclaredAfterTheEventsThroughTheSymlink() {
    http.applyDescriptors(LATE_PRODUCT);

    JsonNode binding =
        await(
                () -> http.get("/api/v1/products/analytics/big-customers"),
                p -> "physical".equals(p.path("state").asText()))
            .path("outputPorts")
            .get(0)
            .path("binding");
    assertThat(binding.path("match").asText()).isEqualTo("symlink");
    assertThat(binding.path("dataset").path("name").asText())
        .isEqualTo("/tmp/warehouse/big_customers_tbl");
    assertThat(binding.path("symlink").path("name").asText())
        .isEqualTo("default.big_customers_tbl");
    assertThat(binding.path("symlink").path("type").asText()).isEqualTo("TABLE");
  }

  @Test
  @Order(5)
  void shouldFindThePathDatasetByItsTableName() {
    String pathIri = iris.dataset("file", PATH);

    JsonNode hits =
        await(
            () -> http.get("/api/v1/search?q=" + LineageHttp.q(TABLE) + "&type=dataset"),
            s -> s.toString().contains(pathIri));

    assertThat(hits.toString()).contains(pathIri);
  }

  @Test
  @Order(6)
  void shouldKeepTheBindingAndTheSymlinksWhenTheLineageGraphsAreRebuilt() {
    JsonNode before = http.get("/api/v1/products/analytics/customer-totals");
    LineageHttp.Reply started =
        http.send(
            "POST", "/api/v1/admin/lineage/rebuild", null, Map.of("Accept", "application/json"));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    await(
        http::status,
        s ->
            !s.path("rebuilding").asBoolean()
                && s.path("projected").asLong() == s.path("journal").asLong());

    JsonNode after = http.get("/api/v1/products/analytics/customer-totals");
    assertThat(after.path("outputPorts")).isEqualTo(before.path("outputPorts"));
    assertThat(after.path("state").asText()).isEqualTo("physical");
    await(
        () -> http.get("/api/v1/search?q=" + LineageHttp.q(TABLE) + "&type=dataset"),
        s -> s.toString().contains(iris.dataset("file", PATH)));
  }

  @Test
  @Order(7)
  @RequiresSharedCorpus
  void shouldBindThroughTheSymlinksOfThePublicSparkEvents() {
    http.applyDescriptors(CORPUS_PRODUCTS);
    List<ObjectNode> events = new ArrayList<>();
    OpenLineageFixtures.jsonFiles("compat/spark-cll").stream()
        .sorted((a, b) -> Integer.compare(number(a), number(b)))
        .forEach(f -> events.addAll(OpenLineageFixtures.events(f)));
    events.addAll(OpenLineageFixtures.filledEvents("spark/pysparkWriteDeltaTableVersionEnd.json"));

    http.awaitProjected(http.acceptAll(events));

    JsonNode cll = http.get("/api/v1/products/analytics/cll-sources");
    assertThat(cll.path("state").asText()).isEqualTo("physical");
    for (JsonNode port : cll.path("outputPorts")) {
      JsonNode binding = port.path("binding");
      assertThat(binding.path("match").asText()).as(port.toString()).isEqualTo("symlink");
      assertThat(binding.path("symlink").path("type").asText()).isEqualTo("TABLE");
      assertThat(binding.path("dataset").path("namespace").asText()).isEqualTo("file");
    }
    assertThat(cll.path("outputPorts").get(0).path("binding").path("dataset").path("name").asText())
        .isEqualTo("/tmp/cll_test/cll_source1");
    assertThat(cll.path("outputPorts").get(1).path("binding").path("dataset").path("name").asText())
        .isEqualTo("/tmp/cll_test/tbl1");
    JsonNode versioned =
        http.get("/api/v1/products/analytics/versioned").path("outputPorts").get(0);
    assertThat(versioned.path("binding").path("dataset").path("name").asText())
        .isEqualTo("/tmp/delta/versioned_table");
    assertThat(versioned.path("binding").path("symlink").path("name").asText())
        .isEqualTo("default.versioned_table");
  }

  private static int number(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return Integer.parseInt(name.substring(0, name.indexOf('.')));
  }

  private static List<ObjectNode> recorded() {
    List<ObjectNode> events = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      events.add(OpenLineageFixtures.resource("spark-symlinks/%03d.json".formatted(i)));
    }
    return events;
  }

  private JsonNode graphql(String query) {
    LineageHttp.Reply reply =
        http.send(
            "POST",
            "/graphql",
            ("{\"query\":\"" + query + "\"}").getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/json", "Accept", "application/json"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().path("errors").isMissingNode()).as(reply.body()).isTrue();
    return reply.json();
  }

  private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    JsonNode last = read.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = read.get();
    }
    assertThat(done.test(last)).as("in time: %s", last).isTrue();
    return last;
  }
}
