package io.tessera.catalogserver.graphql;

import static io.tessera.catalogserver.graphql.GraphQLTestClient.codes;
import static io.tessera.catalogserver.graphql.GraphQLTestClient.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.client.GraphQLResponse;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The GraphQL API over real HTTP with a stock client, on the demo catalog. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLApiIT implements TestPropertyProvider {
  private static final String WAREHOUSE = "postgres://warehouse.internal:5432";

  @Inject EmbeddedServer server;
  @Inject io.tessera.graphstore.GraphStore store;
  @Inject io.tessera.searchindex.SearchIndex index;
  @Inject io.tessera.lineage.LineageProjection projection;

  GraphQLTestClient graphql;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-graphql-it", "tessera.demo", "true");
  }

  @BeforeAll
  void awaitTheDemoCatalog() throws InterruptedException {
    graphql = new GraphQLTestClient(server.getURL());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (physicalProducts() < 20 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(physicalProducts()).isEqualTo(20);
    // search answers come from the index, which follows the graph
    io.tessera.catalogserver.TestServer.awaitCaughtUp(
        projection, store, index, Duration.ofSeconds(90));
  }

  private int physicalProducts() {
    List<String> names =
        graphql
            .ok("{ products(lifecycle: \"physical\", first: 500) { edges { node { name } } } }")
            .extractValue("products.edges[*].node.name");
    return names.size();
  }

  @Test
  void shouldAnswerPhysicalAloneAsTheWholeDatasetDoes() {
    // alone: read without the rest of the dataset (or known from a bound port); full: from the
    // whole dataset, which description makes the query load
    GraphQLResponse r =
        graphql.ok(
            """
            { products(first: 500) { edges { node {
                outputPorts { edges { node { bound
                  alone: dataset { physical } full: dataset { physical description } } } }
                inputPorts { edges { node {
                  alone: dataset { physical } full: dataset { physical description } } } } } } } }""");
    for (String ports : List.of("outputPorts", "inputPorts")) {
      List<Boolean> alone =
          r.extractValue("products.edges[*].node." + ports + ".edges[*].node.alone.physical");
      List<Boolean> full =
          r.extractValue("products.edges[*].node." + ports + ".edges[*].node.full.physical");
      assertThat(alone).as(ports).isNotEmpty().isEqualTo(full);
      assertThat(alone).as(ports).contains(true);
    }
    List<Boolean> unbound =
        r.extractValue(
            "products.edges[*].node.outputPorts.edges[?(@.node.bound == false)].node.alone.physical");
    assertThat(unbound).contains(false);
  }

  @Test
  void shouldPageProductsForwardsAndBackwardsOverTheSameOrder() {
    String query =
        """
        query($first: Int, $after: String, $last: Int, $before: String) {
          products(first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { name domain { name } } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }""";
    List<String> forwards = new ArrayList<>();
    String after = null;
    int pages = 0;
    while (true) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("first", 5);
      vars.put("after", after);
      GraphQLResponse page = graphql.ok(query, vars);
      List<String> keys = keys(page);
      assertThat(keys).hasSizeLessThanOrEqualTo(5);
      forwards.addAll(keys);
      pages++;
      assertThat(page.<Boolean>extractValue("products.pageInfo.hasPreviousPage"))
          .isEqualTo(after != null);
      if (!page.<Boolean>extractValue("products.pageInfo.hasNextPage")) {
        break;
      }
      after = page.extractValue("products.pageInfo.endCursor");
    }
    assertThat(forwards).hasSize(42).doesNotHaveDuplicates();
    assertThat(forwards).isSorted();
    assertThat(pages).isEqualTo(9);

    List<String> backwards = new ArrayList<>();
    String before = null;
    while (true) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("last", 4);
      vars.put("before", before);
      GraphQLResponse page = graphql.ok(query, vars);
      List<String> keys = keys(page);
      assertThat(keys).isSorted();
      backwards.addAll(0, keys);
      if (!page.<Boolean>extractValue("products.pageInfo.hasPreviousPage")) {
        break;
      }
      before = page.extractValue("products.pageInfo.startCursor");
    }
    assertThat(backwards).isEqualTo(forwards);

    List<String> domains =
        graphql
            .ok("{ domains(last: 2) { edges { node { name } } pageInfo { hasPreviousPage } } }")
            .extractValue("domains.edges[*].node.name");
    assertThat(domains).containsExactly("product-catalog", "sales");
  }

  private static List<String> keys(GraphQLResponse page) {
    List<String> domains = page.extractValue("products.edges[*].node.domain.name");
    List<String> names = page.extractValue("products.edges[*].node.name");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      keys.add(domains.get(i) + "/" + names.get(i));
    }
    return keys;
  }

  @Test
  void shouldAnswerAProductPageWithPortsDatasetsSchemaLineageRevisionsAndQuality() {
    GraphQLResponse r =
        graphql.ok(
            """
            { product(domain: "sales", name: "orders") {
                name title owner lifecycle state physicalSince classifications tags
                domain { name title }
                revisions { totalCount edges { node { revision action actor } } }
                quality { edges { node { metric value } } }
                outputPorts { totalCount edges { node {
                  name type bound boundAt boundBy { runId state job { name } }
                  schema { totalCount edges { node { name type required } } }
                  dataset {
                    namespace name physical product { name }
                    fields { edges { node { name } } }
                    versions { edges { node { version fields { totalCount } } } }
                    producedBy { edges { node { name runs(first: 1) { edges { node { state } } } } } }
                    lineage(depth: 1) { nodes { id type } edges { origin destination } }
                  } } } }
              } }""");
    assertThat(r.<String>extractValue("product.state")).isEqualTo("PHYSICAL");
    assertThat(r.<String>extractValue("product.lifecycle")).isEqualTo("consume");
    assertThat(r.<String>extractValue("product.domain.name")).isEqualTo("sales");
    assertThat(r.<List<String>>extractValue("product.classifications")).contains("pii");
    assertThat(r.<Integer>extractValue("product.revisions.totalCount")).isEqualTo(1);
    assertThat(r.<List<String>>extractValue("product.quality.edges[*].node.metric"))
        .contains("rowCount");
    String port = "product.outputPorts.edges[0].node";
    assertThat(r.<String>extractValue(port + ".name")).isEqualTo("orders-table");
    assertThat(r.<Boolean>extractValue(port + ".bound")).isTrue();
    assertThat(r.<String>extractValue(port + ".boundBy.state")).isEqualTo("COMPLETE");
    assertThat(r.<List<String>>extractValue(port + ".schema.edges[*].node.name"))
        .contains("order_id");
    assertThat(r.<String>extractValue(port + ".dataset.namespace")).isEqualTo(WAREHOUSE);
    assertThat(r.<String>extractValue(port + ".dataset.name")).isEqualTo("sales.public.orders");
    assertThat(r.<String>extractValue(port + ".dataset.product.name")).isEqualTo("orders");
    assertThat(r.<List<String>>extractValue(port + ".dataset.fields.edges[*].node.name"))
        .contains("order_id");
    assertThat(r.<List<Integer>>extractValue(port + ".dataset.versions.edges[*].node.version"))
        .contains(1);
    assertThat(r.<List<String>>extractValue(port + ".dataset.producedBy.edges[*].node.name"))
        .containsExactly("sales.orders.orders-table");
    List<String> lineage = r.extractValue(port + ".dataset.lineage.nodes[*].id");
    assertThat(lineage).first().isEqualTo("dataset:" + WAREHOUSE + ":sales.public.orders");
    assertThat(lineage).contains("job:acme-airflow:sales.orders.orders-table");
    assertThat(r.<List<String>>extractValue(port + ".dataset.lineage.edges[*].origin"))
        .contains("job:acme-airflow:sales.orders.orders-table");
  }

  @Test
  void shouldResolveEveryKindOfNodeByItsOpaqueId() {
    GraphQLResponse r =
        graphql.ok(
            """
            { product(domain: "sales", name: "orders") {
                id domain { id }
                outputPorts { edges { node { id schema(first: 1) { edges { node { id } } }
                  boundBy { id job { id } }
                  dataset { id fields(first: 1) { edges { node { id } } } } } } } } }""");
    String port = "product.outputPorts.edges[0].node";
    List<String> ids =
        List.of(
            r.extractValue("product.domain.id"),
            r.extractValue("product.id"),
            r.extractValue(port + ".id"),
            r.extractValue(port + ".schema.edges[0].node.id"),
            r.extractValue(port + ".dataset.id"),
            r.extractValue(port + ".dataset.fields.edges[0].node.id"),
            r.extractValue(port + ".boundBy.job.id"),
            r.extractValue(port + ".boundBy.id"));
    GraphQLResponse nodes =
        graphql.ok(
            "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", Map.of("ids", ids));
    assertThat(nodes.<List<String>>extractValue("nodes[*].__typename"))
        .containsExactly(
            "Domain", "DataProduct", "Port", "Field", "Dataset", "Field", "Job", "Run");
    assertThat(nodes.<List<String>>extractValue("nodes[*].id")).isEqualTo(ids);

    GraphQLResponse one =
        graphql.ok(
            "query($id: ID!) { node(id: $id) { ... on DataProduct { name state } } }",
            Map.of("id", ids.get(1)));
    assertThat(one.<String>extractValue("node.name")).isEqualTo("orders");

    GraphQLResponse missing =
        graphql.ok(
            "query($id: ID!) { node(id: $id) { id } }",
            Map.of("id", GlobalId.of("DataProduct", "sales", "no-such-product")));
    assertThat(missing.<Object>extractValue("node")).isNull();

    GraphQLResponse forged = graphql.query("{ node(id: \"not-an-id\") { id } }");
    assertThat(codes(forged)).containsExactly("invalid-request");
  }

  @Test
  void shouldSearchSuggestAndTellWhoIsAsking() {
    GraphQLResponse r =
        graphql.ok(
            """
            { search(query: "invoces", filter: { types: ["product"] }, first: 3) {
                total
                hits { edges { node { type title qualifiedName entity { __typename id } } }
                       pageInfo { hasNextPage endCursor } }
                facets { dimension values { value count } } }
              suggest(prefix: "inv", first: 3) { edges { node { title type } } }
              me { subject anonymous roles } }""");
    assertThat(r.<List<String>>extractValue("search.hits.edges[*].node.qualifiedName"))
        .contains("finance/invoices");
    assertThat(r.<List<String>>extractValue("search.hits.edges[*].node.entity.__typename"))
        .containsOnly("DataProduct");
    assertThat(r.<List<String>>extractValue("search.facets[*].dimension")).contains("type");
    assertThat(r.<List<String>>extractValue("suggest.edges[*].node.title"))
        .anyMatch(t -> t.toLowerCase().startsWith("inv"));
    // the test client signs every request with the test admin token
    assertThat(r.<String>extractValue("me.subject")).isEqualTo("admin");
    assertThat(r.<Boolean>extractValue("me.anonymous")).isFalse();

    GraphQLResponse all =
        graphql.ok(
            "{ search(query: \"orders\", first: 2) { total hits { pageInfo { endCursor } } } }");
    int total = all.extractValue("search.total");
    String cursor = all.extractValue("search.hits.pageInfo.endCursor");
    GraphQLResponse next =
        graphql.ok(
            "query($after: String) { search(query: \"orders\", first: 2, after: $after) {"
                + " total hits { edges { node { iri } } } } }",
            Map.of("after", cursor));
    assertThat(next.<Integer>extractValue("search.total")).isEqualTo(total);
    assertThat(next.<List<String>>extractValue("search.hits.edges[*].node.iri")).hasSize(2);
  }

  private static final String APPLY =
      """
      mutation($documents: String!, $dryRun: Boolean) {
        applyDescriptors(input: { documents: $documents, dryRun: $dryRun }) {
          dryRun results { index kind domain name iri status revision changes { path op } }
        } }""";

  private static String product(String name, String datasetName) {
    return """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: sales, name: %s}
        spec:
          title: Gift card balances
          owner: mailto:gift-cards@acme-retail.example
          outputPorts:
            - name: balances
              dataset: {namespace: "postgres://warehouse.internal:5432", %s}
        """
        .formatted(name, datasetName);
  }

  @Test
  void shouldApplyDescriptorsWithDryRunAndRejectInvalidOnesWithFieldErrors() {
    String doc = product("gift-card-balances", "name: sales.public.gift_card_balances");
    GraphQLResponse dry = graphql.ok(APPLY, Map.of("documents", doc, "dryRun", true));
    assertThat(dry.<Boolean>extractValue("applyDescriptors.dryRun")).isTrue();
    assertThat(dry.<String>extractValue("applyDescriptors.results[0].status")).isEqualTo("created");
    assertThat(exists("gift-card-balances")).isFalse();

    GraphQLResponse applied = graphql.ok(APPLY, Map.of("documents", doc, "dryRun", false));
    assertThat(applied.<String>extractValue("applyDescriptors.results[0].status"))
        .isEqualTo("created");
    assertThat(applied.<Integer>extractValue("applyDescriptors.results[0].revision")).isEqualTo(1);
    assertThat(exists("gift-card-balances")).isTrue();
    GraphQLResponse again = graphql.ok(APPLY, Map.of("documents", doc, "dryRun", false));
    assertThat(again.<String>extractValue("applyDescriptors.results[0].status"))
        .isEqualTo("unchanged");

    String invalid = product("gift-card-balances", "title: no name");
    GraphQLResponse rejected = graphql.query(APPLY, Map.of("documents", invalid, "dryRun", false));
    assertThat(codes(rejected)).containsExactly("invalid-descriptor");
    assertThat(read(rejected, "$.errors[0].extensions.errors[*].field").toString())
        .contains("documents[0].spec.outputPorts[0].dataset");
    assertThat(read(rejected, "$.errors[0].path").toString()).contains("applyDescriptors");
    assertThat(read(rejected, "$.data") == null).isTrue();
    GraphQLResponse unchanged =
        graphql.ok(
            "{ product(domain: \"sales\", name: \"gift-card-balances\") { revision outputPorts {"
                + " edges { node { dataset { name } } } } } }");
    assertThat(unchanged.<Integer>extractValue("product.revision")).isEqualTo(1);
    assertThat(unchanged.<String>extractValue("product.outputPorts.edges[0].node.dataset.name"))
        .isEqualTo("sales.public.gift_card_balances");

    GraphQLResponse unparsable =
        graphql.query(APPLY, Map.of("documents", "kind: [unclosed", "dryRun", true));
    assertThat(codes(unparsable)).containsExactly("invalid-descriptor");
  }

  private boolean exists(String name) {
    return graphql
            .ok(
                "query($n: String!) { product(domain: \"sales\", name: $n) { name } }",
                Map.of("n", name))
            .extractValue("product")
        != null;
  }

  @Test
  void shouldRetireAProductAndRefuseUnknownOnes() {
    graphql.ok(
        APPLY,
        Map.of(
            "documents",
            product("retiring-soon", "name: sales.public.retiring_soon"),
            "dryRun",
            false));
    String retire =
        """
        mutation($d: String!, $n: String!) {
          retireProduct(input: { domain: $d, name: $n }) { results { status revision } } }""";
    GraphQLResponse r = graphql.ok(retire, Map.of("d", "sales", "n", "retiring-soon"));
    assertThat(r.<Integer>extractValue("retireProduct.results[0].revision")).isEqualTo(2);
    assertThat(
            graphql
                .ok("{ product(domain: \"sales\", name: \"retiring-soon\") { lifecycle } }")
                .<String>extractValue("product.lifecycle"))
        .isEqualTo("retired");
    assertThat(codes(graphql.query(retire, Map.of("d", "sales", "n", "no-such-product"))))
        .containsExactly("not-found");
  }

  @Test
  void shouldClaimAnUnownedDatasetForAProduct() throws InterruptedException {
    String event =
        """
        {"eventType":"COMPLETE","eventTime":"2026-11-21T10:05:00Z","producer":"https://example.com/dag",
         "run":{"runId":"0193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b"},
         "job":{"namespace":"airflow-prod","name":"gift_dag.load_redemptions"},
         "inputs":[],
         "outputs":[{"namespace":"%s","name":"sales.public.gift_card_redemptions"}]}"""
            .formatted(WAREHOUSE);
    HttpResponse<String> posted = graphql.postJson("/api/v1/lineage", event);
    assertThat(posted.statusCode()).isEqualTo(201);
    String unowned = "{ unownedDatasets { edges { node { name } } } }";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!graphql
            .ok(unowned)
            .<List<String>>extractValue("unownedDatasets.edges[*].node.name")
            .contains("sales.public.gift_card_redemptions")
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    graphql.ok(
        APPLY,
        Map.of(
            "documents",
            product("gift-card-redemptions", "name: sales.public.gift_card_planned"),
            "dryRun",
            false));
    assertThat(
            graphql
                .ok("{ product(domain: \"sales\", name: \"gift-card-redemptions\") { state } }")
                .<String>extractValue("product.state"))
        .isEqualTo("PLANNED");

    String claim =
        """
        mutation($dryRun: Boolean) {
          claimDataset(input: { domain: "sales", product: "gift-card-redemptions",
              namespace: "%s", name: "sales.public.gift_card_redemptions", dryRun: $dryRun }) {
            port { name bound boundBy { runId } dataset { name product { name state } } }
            apply { dryRun results { status revision } } } }"""
            .formatted(WAREHOUSE);
    GraphQLResponse dry = graphql.ok(claim, Map.of("dryRun", true));
    assertThat(dry.<Object>extractValue("claimDataset.port")).isNull();
    assertThat(dry.<String>extractValue("claimDataset.apply.results[0].status"))
        .isEqualTo("updated");

    GraphQLResponse claimed = graphql.ok(claim, Map.of("dryRun", false));
    assertThat(claimed.<Integer>extractValue("claimDataset.apply.results[0].revision"))
        .isEqualTo(2);
    assertThat(claimed.<String>extractValue("claimDataset.port.name"))
        .isEqualTo("sales-public-gift-card-redemptions");
    assertThat(claimed.<Boolean>extractValue("claimDataset.port.bound")).isTrue();
    assertThat(claimed.<String>extractValue("claimDataset.port.boundBy.runId"))
        .isEqualTo("0193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a2b");
    assertThat(claimed.<String>extractValue("claimDataset.port.dataset.product.state"))
        .isEqualTo("PHYSICAL");
    assertThat(graphql.ok(unowned).<List<String>>extractValue("unownedDatasets.edges[*].node.name"))
        .doesNotContain("sales.public.gift_card_redemptions");
    GraphQLResponse revisions =
        graphql.ok(
            "{ product(domain: \"sales\", name: \"gift-card-redemptions\") {"
                + " revisions { edges { node { revision actor changes { path op } } } } } }");
    assertThat(
            revisions.<List<String>>extractValue("product.revisions.edges[1].node.changes[*].path"))
        .anyMatch(p -> p.startsWith("spec.outputPorts"));

    assertThat(codes(graphql.query(claim, Map.of("dryRun", false)))).containsExactly("conflict");
  }

  @Test
  void shouldRejectTooDeepAndTooComplexQueriesBeforeRunningThem() {
    GraphQLResponse deep =
        graphql.query(
            "{ domains { edges { node { "
                + "parent { ".repeat(20)
                + "name"
                + " }".repeat(20)
                + " } } } }");
    assertThat(codes(deep)).containsExactly("query-too-complex");
    assertThat(read(deep, "$.errors[0].message").toString()).contains("levels deep");
    assertThat(deep.getParsed().<Map<String, Object>>read("$")).doesNotContainKey("data");

    GraphQLResponse complex =
        graphql.query(
            "{ products(first: 500) { edges { node { outputPorts(first: 500) { edges { node {"
                + " schema(first: 500) { edges { node { name } } } } } } } } } }");
    assertThat(codes(complex)).containsExactly("query-too-complex");
    assertThat(read(complex, "$.errors[0].message").toString()).contains("complexity");
  }

  @Test
  void shouldGiveEveryErrorACode() {
    assertThat(codes(graphql.query("{ products { edges { node { nosuch } } } }")))
        .containsExactly("invalid-request");
    assertThat(codes(graphql.query("{ products(first: "))).containsExactly("invalid-request");
    assertThat(codes(graphql.query("{ products(first: 501) { edges { cursor } } }")))
        .containsExactly("invalid-request");
    assertThat(codes(graphql.query("{ products(after: \"bogus\") { edges { cursor } } }")))
        .containsExactly("invalid-request");
    assertThat(
            codes(
                graphql.query(
                    "{ lineage(start: { dataset: { namespace: \"x\", name: \"y\" } }) { nodes { id } } }")))
        .containsExactly("not-found");
  }

  @Test
  void shouldIntrospectToExactlyTheSchemaFile() throws IOException {
    GraphQLResponse r = graphql.ok(IntrospectionQuery.INTROSPECTION_QUERY);
    Map<String, Object> data = r.getParsed().read("$.data");
    Document introspected = new IntrospectionResultToSchema().createSchemaDefinition(data);
    GraphQLSchema served =
        UnExecutableSchemaGenerator.makeUnExecutableSchema(
            new SchemaParser().buildRegistry(introspected));
    TypeDefinitionRegistry file;
    try (InputStream in = getClass().getResourceAsStream("/graphql/schema.graphqls")) {
      file = new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    GraphQLSchema declared = UnExecutableSchemaGenerator.makeUnExecutableSchema(file);
    SchemaPrinter printer =
        new SchemaPrinter(
            SchemaPrinter.Options.defaultOptions()
                .includeDirectives(false)
                .includeScalarTypes(true)
                .includeSchemaDefinition(true)
                .includeIntrospectionTypes(false));
    String servedText = printer.print(served);
    String declaredText = printer.print(declared);
    if (!servedText.equals(declaredText)) {
      Files.writeString(java.nio.file.Path.of("target/introspected.graphqls"), servedText);
      Files.writeString(java.nio.file.Path.of("target/declared.graphqls"), declaredText);
    }
    assertThat(servedText).isEqualTo(declaredText);
    assertThat(printer.print(served)).contains("\"The opaque global identifier.\"");
  }

  @Test
  void shouldServeGraphiqlWithItsAssetsFromTheServer() {
    HttpResponse<String> page = graphql.get("/graphiql");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<meta charset=\"utf-8\">").contains("data-url=\"/graphql\"");
    // no inline script: the Content-Security-Policy allows scripts from the server only
    assertThat(page.body()).doesNotContain("<script>");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("script-src");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    Matcher assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    List<String> found = new ArrayList<>();
    while (assets.find()) {
      found.add(assets.group(1));
    }
    assertThat(found)
        .hasSize(5)
        .allMatch(a -> a.startsWith("/vendor/") || a.equals("/js/graphiql-start.js"));
    assertThat(page.body()).doesNotContain("src=\"http").doesNotContain("href=\"http");
    for (String asset : found) {
      HttpResponse<String> file = graphql.get(asset);
      assertThat(file.statusCode()).as(asset).isEqualTo(200);
    }
    assertThat(Collections.frequency(found, "/vendor/graphiql/graphiql.min.js")).isEqualTo(1);
  }
}
