package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.client.GraphQLResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every resolver goes through the caller's access scope: on the demo catalog, with sales/orders
 * (and its dataset's lineage) hidden and finance/invoices discoverable but not readable.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLAccessScopeIT implements TestPropertyProvider {
  private static final String WAREHOUSE = "postgres://warehouse.internal:5432";
  private static final String BASE_IRI = "https://tessera.local";
  private static final IriMinter IRIS = new IriMinter(BASE_IRI);

  @Inject EmbeddedServer server;

  GraphQLTestClient graphql;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-graphql-scope",
        "tessera.demo",
        "true",
        "tessera.base-iri",
        BASE_IRI,
        "tessera.test.hidden-graphs",
        String.join(
            ",",
            IRIS.productGraph("sales", "orders"),
            IRIS.datasetGraph(WAREHOUSE, "sales.public.orders")),
        "tessera.test.unreadable-graphs",
        IRIS.productGraph("finance", "invoices"));
  }

  @BeforeAll
  void awaitTheDemoCatalog() throws InterruptedException {
    graphql = new GraphQLTestClient(server.getURL());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    String physical = "{ products(lifecycle: \"physical\", first: 500) { edges { cursor } } }";
    // 20 demo products turn physical; one of them is hidden
    while (graphql.ok(physical).<List<String>>extractValue("products.edges[*].cursor").size() < 19
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    String search = "{ search(query: \"invoices\", first: 1) { total } }";
    while (graphql.ok(search).<Integer>extractValue("search.total") == 0
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
  }

  @Test
  void shouldLeaveAHiddenProductOutOfListsNodesAndLookups() {
    List<String> all = new ArrayList<>();
    String after = null;
    do {
      Map<String, Object> vars = new HashMap<>();
      vars.put("after", after);
      GraphQLResponse page =
          graphql.ok(
              "query($after: String) { products(first: 7, after: $after) { edges { node {"
                  + " name domain { name } } } pageInfo { hasNextPage endCursor } } }",
              vars);
      List<String> names = page.extractValue("products.edges[*].node.name");
      List<String> domains = page.extractValue("products.edges[*].node.domain.name");
      assertThat(names).hasSizeLessThanOrEqualTo(7);
      for (int i = 0; i < names.size(); i++) {
        all.add(domains.get(i) + "/" + names.get(i));
      }
      after =
          page.<Boolean>extractValue("products.pageInfo.hasNextPage")
              ? page.extractValue("products.pageInfo.endCursor")
              : null;
    } while (after != null);
    assertThat(all).hasSize(41).doesNotContain("sales/orders").contains("finance/invoices");

    GraphQLResponse r =
        graphql.ok(
            """
            query($id: ID!) {
              product(domain: "sales", name: "orders") { name }
              node(id: $id) { id }
              dataset(namespace: "%s", name: "sales.public.orders") { name }
              domain(name: "sales") { products(first: 100) { edges { node { name } } } }
            }"""
                .formatted(WAREHOUSE),
            Map.of("id", GlobalId.of("DataProduct", "sales", "orders")));
    assertThat(r.<Object>extractValue("product")).isNull();
    assertThat(r.<Object>extractValue("node")).isNull();
    assertThat(r.<Object>extractValue("dataset")).isNull();
    assertThat(r.<List<String>>extractValue("domain.products.edges[*].node.name"))
        .isNotEmpty()
        .doesNotContain("orders");
  }

  @Test
  void shouldLeaveNoTraceOfAHiddenProductInSearch() {
    GraphQLResponse r =
        graphql.ok(
            """
            { search(query: "customer orders", filter: { types: ["product"] }, first: 50) {
                hits { edges { node { qualifiedName title } } } }
              suggest(prefix: "customer ord", first: 20) { edges { node { title } } } }""");
    assertThat(r.<List<String>>extractValue("search.hits.edges[*].node.qualifiedName"))
        .doesNotContain("sales/orders");
    assertThat(r.<List<String>>extractValue("suggest.edges[*].node.title"))
        .doesNotContain("Customer Orders");
  }

  @Test
  void shouldRedactAHiddenDatasetInLineage() {
    GraphQLResponse r =
        graphql.ok(
            """
            { lineage(start: { job: { namespace: "acme-airflow", name: "sales.orders.orders-table" } },
                      depth: 1) { nodes { id type name } edges { origin destination } } }""");
    List<String> ids = r.extractValue("lineage.nodes[*].id");
    assertThat(ids).anyMatch(id -> id.startsWith("restricted:"));
    assertThat(ids).noneMatch(id -> id.contains("sales.public.orders"));
    assertThat(r.<List<String>>extractValue("lineage.nodes[*].name"))
        .doesNotContain("sales.public.orders");
    assertThat(r.<List<String>>extractValue("lineage.edges[*].destination"))
        .anyMatch(id -> id.startsWith("restricted:"));

    GraphQLResponse start =
        graphql.query(
            """
            { lineage(start: { dataset: { namespace: "%s", name: "sales.public.orders" } }) {
                nodes { id } } }"""
                .formatted(WAREHOUSE));
    assertThat(GraphQLTestClient.codes(start)).containsExactly("not-found");
  }

  @Test
  void shouldWithholdConnectionDetailsAndSchemaOfAProductTheCallerMayNotRead() {
    GraphQLResponse r =
        graphql.ok(
            """
            { product(domain: "finance", name: "invoices") {
                name title state
                outputPorts { edges { node { name bound dataset { name } schema { totalCount } } } }
                quality { totalCount } }
              readable: product(domain: "finance", name: "payments") {
                outputPorts { edges { node { dataset { name } schema { totalCount } } } } } }""");
    assertThat(r.<String>extractValue("product.title")).isNotBlank();
    assertThat(r.<String>extractValue("product.state")).isEqualTo("PHYSICAL");
    assertThat(r.<List<Object>>extractValue("product.outputPorts.edges[*].node.dataset"))
        .isNotEmpty()
        .containsOnlyNulls();
    assertThat(r.<List<Object>>extractValue("product.outputPorts.edges[*].node.schema"))
        .containsOnlyNulls();
    assertThat(r.<Integer>extractValue("product.quality.totalCount")).isZero();
    assertThat(r.<List<Object>>extractValue("readable.outputPorts.edges[*].node.dataset"))
        .doesNotContainNull();
  }

  @Test
  void shouldTellWhoIsAsking() {
    assertThat(graphql.ok("{ me { subject anonymous } }").<String>extractValue("me.subject"))
        .isEqualTo("consumer-1");
  }
}
