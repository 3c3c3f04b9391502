package io.tessera.catalogserver.standards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.PlainHttp;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.DPROD;
import io.tessera.ontology.RequiresSharedCorpus;
import io.tessera.ontology.SharedCorpus;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo catalog against the published standards, over HTTP: every product's own RDF (Turtle and
 * JSON-LD) conforms on its own to DPROD's published shapes, and the DCAT-AP export to the official
 * DCAT-AP 3.0 shapes ({@code standards/dcat-ap/}, see SOURCES.md there). Ports that declare how
 * they are reached show it in JSON, GraphQL and both RDF answers; a port whose URL carries
 * credentials is refused and changes nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardsConformanceIT implements TestPropertyProvider {
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  private PlainHttp http;
  private List<String> products;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-standards-it", "tessera.demo", "true");
  }

  @BeforeAll
  void waitForTheDemo() throws InterruptedException {
    http = new PlainHttp(server.getURI());
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
    products = new ArrayList<>();
    for (JsonNode p : http.get("/api/v1/products?limit=500", ADMIN).json().path("items")) {
      products.add(p.path("domain").asText() + "/" + p.path("name").asText());
    }
    assertThat(products).hasSizeGreaterThan(20);
  }

  @RequiresSharedCorpus
  @Test
  void shouldGiveEveryDemoProductRdfThatConformsAloneToThePublishedDprodShapes() {
    Shapes dprod =
        Shapes.parse(
            RDFDataMgr.loadGraph(SharedCorpus.resolve("vocab/dprod/dprod-shapes.ttl").toString()));
    List<String> failures = new ArrayList<>();
    for (String product : products) {
      for (String type : List.of("text/turtle", "application/ld+json")) {
        Graph graph = productRdf(product, type);
        assertThat(graph.contains(null, RDF.type.asNode(), DPROD.DataProduct.asNode()))
            .as("%s as %s", product, type)
            .isTrue();
        ValidationReport report = ShaclValidator.get().validate(dprod, graph);
        if (!report.conforms()) {
          failures.add(product + " as " + type + ":\n" + text(report));
        }
      }
    }
    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  @RequiresSharedCorpus
  @Test
  void shouldFailThePublishedShapesWhenTheLifecycleStatusIsUntyped() {
    Shapes dprod =
        Shapes.parse(
            RDFDataMgr.loadGraph(SharedCorpus.resolve("vocab/dprod/dprod-shapes.ttl").toString()));
    Graph graph = productRdf("sales/orders", "text/turtle");
    graph
        .find(null, RDF.type.asNode(), DPROD.DataProductLifecycleStatus.asNode())
        .toList()
        .forEach(graph::delete);

    assertThat(ShaclValidator.get().validate(dprod, graph).conforms()).isFalse();
  }

  @Test
  void shouldExportTheDemoAsDcatApThatConformsToTheOfficialShapes() throws Exception {
    Shapes dcatAp;
    try (InputStream in = resource("standards/dcat-ap/dcat-ap-SHACL.ttl")) {
      Graph shapes = GraphFactory.createDefaultGraph();
      RDFParser.source(in).lang(Lang.TURTLE).parse(shapes);
      dcatAp = Shapes.parse(shapes);
    }
    PlainHttp.Reply reply =
        http.get("/api/v1/export?profile=dcat-ap", ADMIN, Map.of("Accept", "text/turtle"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/turtle");
    Graph export = GraphFactory.createDefaultGraph();
    RDFParser.fromString(reply.body(), Lang.TURTLE).parse(export);

    ValidationReport report = ShaclValidator.get().validate(dcatAp, export);

    assertThat(report.conforms()).as(text(report)).isTrue();
    Model m = ModelFactory.createModelForGraph(export);
    assertThat(m.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList())
        .hasSize(products.size());
    assertThat(m.listSubjectsWithProperty(RDF.type, DCAT.Catalog).toList()).hasSize(1);
    assertThat(
            m.contains(
                m.createResource("https://tessera.local/product/sales/orders/port/orders-table"),
                DCAT.endpointURL,
                m.createResource("postgres://warehouse.internal:5432/sales")))
        .isTrue();
    assertThat(m.listSubjectsWithProperty(RDF.type, DCAT.DataService).toList().size())
        .isGreaterThanOrEqualTo(9);

    // the shapes do check: without their endpoint URLs the data services no longer conform
    export.find(null, DCAT.endpointURL.asNode(), null).toList().forEach(export::delete);
    ValidationReport broken = ShaclValidator.get().validate(dcatAp, export);
    assertThat(broken.conforms()).isFalse();
    assertThat(broken.getEntries())
        .allMatch(e -> e.resultPath().toString().contains("endpointURL"));
  }

  @Test
  void shouldRejectAnExportProfileItDoesNotKnow() {
    PlainHttp.Reply reply = http.get("/api/v1/export?profile=dcat-us", ADMIN);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("profile must be dcat-ap");
  }

  @Test
  void shouldShowHowToReachAPortInJsonGraphqlAndRdf() {
    JsonNode orders = http.get("/api/v1/products/sales/orders", ADMIN).json();
    JsonNode access = orders.at("/outputPorts/0/access");
    assertThat(access.path("protocol").asText()).isEqualTo("postgres");
    assertThat(access.path("endpoint").asText())
        .isEqualTo("postgres://warehouse.internal:5432/sales");
    assertThat(access.path("database").asText()).isEqualTo("sales");

    JsonNode graphql =
        http.post(
                "/graphql",
                ADMIN,
                "{\"query\":\"{ product(domain: \\\"sales\\\", name: \\\"checkout-events\\\") {"
                    + " outputPorts { edges { node { access { protocol endpoint topic format } } } }"
                    + " } }\"}",
                "application/json")
            .json();
    JsonNode kafka = graphql.at("/data/product/outputPorts/edges/0/node/access");
    assertThat(kafka.path("protocol").asText()).as(graphql.toString()).isEqualTo("kafka");
    assertThat(kafka.path("topic").asText()).isEqualTo("checkout.events.v2");
    assertThat(kafka.path("format").asText()).isEqualTo("avro");

    Graph rdf = productRdf("sales/checkout-events", "application/ld+json");
    assertThat(
            rdf.contains(
                null,
                DCAT.endpointURL.asNode(),
                NodeFactory.createURI("kafka://events.internal:9092")))
        .isTrue();
  }

  @Test
  void shouldRefuseAPortUrlWithCredentialsAndChangeNothing() {
    String before = http.get("/api/v1/products/sales/orders", ADMIN).json().toString();
    PlainHttp.Reply reply =
        http.post(
            "/api/v1/descriptors",
            ADMIN,
            """
            apiVersion: tessera/v1
            kind: DataProduct
            metadata: {domain: sales, name: orders}
            spec:
              owner: mailto:sales-data@acme-retail.example
              outputPorts:
                - name: orders-table
                  dataset: {namespace: "postgres://warehouse.internal:5432", name: sales.public.orders}
                  access: {protocol: postgres, url: "postgres://etl:hunter2@warehouse.internal:5432/sales"}
            """,
            "application/yaml");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body())
        .contains("documents[0].spec.outputPorts[0].access.url")
        .contains("must not carry credentials")
        .doesNotContain("hunter2");
    assertThat(http.get("/api/v1/products/sales/orders", ADMIN).json().toString())
        .isEqualTo(before);
  }

  private Graph productRdf(String product, String type) {
    PlainHttp.Reply reply = http.get("/api/v1/products/" + product, ADMIN, Map.of("Accept", type));
    assertThat(reply.status()).as(product + " " + reply.body()).isEqualTo(200);
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(reply.body(), type.equals("text/turtle") ? Lang.TURTLE : Lang.JSONLD)
        .parse(graph);
    return graph;
  }

  private static String text(ValidationReport report) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ShLib.printReport(new java.io.PrintStream(out, true), report);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static InputStream resource(String path) {
    InputStream in = StandardsConformanceIT.class.getClassLoader().getResourceAsStream(path);
    assertThat(in).as(path).isNotNull();
    return in;
  }
}
