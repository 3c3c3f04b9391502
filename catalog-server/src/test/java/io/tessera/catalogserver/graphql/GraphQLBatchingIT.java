package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.client.GraphQLResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No N+1: a page of products with their domains, owners, ports and datasets costs the same, small
 * number of store reads whether it holds 10 products or 100.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLBatchingIT implements TestPropertyProvider {
  private static final int PRODUCTS = 120;
  private static final String PAGE =
      """
      query($first: Int!) {
        products(first: $first) { edges { node {
          name owner state domain { name title owner }
          outputPorts { edges { node { name schema { edges { node { name } } }
            dataset { namespace name physical product { name owner } } } } }
          inputPorts { edges { node { name dataset { name product { name } } } } }
          boundDatasets { totalCount }
        } } } }""";

  @Inject EmbeddedServer server;
  @Inject CatalogReads reads;

  GraphQLTestClient graphql;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-graphql-batch");
  }

  @BeforeAll
  void applyAHundredAndTwentyProducts() {
    graphql = new GraphQLTestClient(server.getURL());
    StringBuilder documents =
        new StringBuilder(
            """
            apiVersion: tessera/v1
            kind: Domain
            metadata: {name: retail}
            spec: {title: Retail, owner: mailto:retail@acme.example}
            """);
    for (int i = 0; i < PRODUCTS; i++) {
      documents.append(
          """
          ---
          apiVersion: tessera/v1
          kind: DataProduct
          metadata: {domain: retail, name: product-%1$03d}
          spec:
            title: Product %1$d
            owner: mailto:team-%2$d@acme.example
            outputPorts:
              - name: table
                dataset: {namespace: "postgres://db:5432", name: retail.public.t%1$03d}
                schema:
                  - {name: id, type: string, required: true}
                  - {name: amount, type: decimal}
              - name: topic
                type: topic
                dataset: {namespace: "kafka://broker:9092", name: retail.t%1$03d}
            inputPorts:
              - dataset: {namespace: "postgres://db:5432", name: retail.public.t%3$03d}
          """
              .formatted(i, i % 7, (i + 1) % PRODUCTS));
    }
    GraphQLResponse applied =
        graphql.ok(
            "mutation($d: String!) { applyDescriptors(input: { documents: $d }) {"
                + " results { status } } }",
            Map.of("d", documents.toString()));
    assertThat(applied.<List<String>>extractValue("applyDescriptors.results[*].status"))
        .hasSize(PRODUCTS + 1)
        .containsOnly("created");
  }

  @Test
  void shouldReadAPageOfProductsWithABoundedNumberOfStoreReadsIndependentOfItsSize() {
    long ten = storeReadsFor(10);
    long hundred = storeReadsFor(100);
    assertThat(hundred).isEqualTo(ten);
    // one page read (keys + products), one batch of datasets, one of the datasets' products,
    // one of domains
    assertThat(hundred).isLessThanOrEqualTo(4);
  }

  private long storeReadsFor(int first) {
    long before = reads.storeReads();
    GraphQLResponse page = graphql.ok(PAGE, Map.of("first", first));
    long used = reads.storeReads() - before;
    assertThat(page.<List<String>>extractValue("products.edges[*].node.name")).hasSize(first);
    assertThat(page.<List<String>>extractValue("products.edges[*].node.domain.name"))
        .containsOnly("retail");
    assertThat(
            page.<List<String>>extractValue(
                "products.edges[*].node.outputPorts.edges[*].node.dataset.product.name"))
        .hasSize(2 * first);
    assertThat(
            page.<List<String>>extractValue(
                "products.edges[*].node.inputPorts.edges[*].node.dataset.product.name"))
        .hasSize(first);
    return used;
  }
}
