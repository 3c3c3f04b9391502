package io.tessera.catalogserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.descriptors.standards.StandardFixtures;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.RdfFormat;
import io.tessera.graphstore.Slo;
import io.tessera.ontology.RequiresSharedCorpus;
import io.tessera.ontology.TesseraOntology;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The descriptor and product REST API over real HTTP, on a real TDB2 store and H2 file database.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DescriptorApiIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType YAML = MediaType.of("application/yaml");

  @Inject
  @Client("/")
  HttpClient http;

  @Inject GraphStore store;
  @Inject ProductRepository products;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-api-it");
  }

  @BeforeAll
  void declareDomains() {
    apply(resource("sales-domain.yaml"), false);
    apply(
        """
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: seller}
        spec: {title: Seller, owner: "mailto:seller@example.com"}
        ---
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: imported}
        spec: {title: Imported, owner: "mailto:platform@example.com"}
        """,
        false);
  }

  @Test
  void shouldCreateAProductAndSayUnchangedWhenTheSameDescriptorIsAppliedAgain() {
    JsonNode first = apply(resource("orders-product.yaml"), false).path("results").get(0);
    JsonNode again = apply(resource("orders-product.yaml"), false).path("results").get(0);

    assertThat(first.path("status").asText()).isIn("created", "unchanged");
    assertThat(first.path("iri").asText()).isEqualTo("https://tessera.local/product/sales/orders");
    assertThat(again.path("status").asText()).isEqualTo("unchanged");
    assertThat(again.path("revision").asInt()).isEqualTo(first.path("revision").asInt());
    JsonNode product = get("/api/v1/products/sales/orders");
    assertThat(product.path("state").asText()).isEqualTo("planned");
    assertThat(product.path("outputPorts").get(0).path("schema")).hasSize(2);
    assertThat(product.path("inputPorts").get(0).path("name").asText())
        .isEqualTo("checkout-events");
  }

  @Test
  void shouldRejectARequestWithOneBadDocumentWholeAndChangeNothing() {
    String before = nquads();
    int refundsRevisions = revisionCount("refunds");

    HttpClientResponseException error =
        failure(() -> apply(resource("second-document-invalid.yaml"), false));

    assertThat(error.getStatus().getCode()).isEqualTo(400);
    assertThat(error.getResponse().getContentType())
        .map(MediaType::toString)
        .contains("application/problem+json");
    JsonNode problem = body(error);
    assertThat(problem.path("type").asText())
        .isEqualTo("https://w3id.org/tessera/problems/invalid-descriptor");
    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("documents[1].spec.outputPorts[0].dataset.name");
    assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("required");
    assertThat(nquads()).isEqualTo(before);
    assertThat(revisionCount("refunds")).isEqualTo(refundsRevisions);
  }

  @Test
  void shouldRejectAProductInAnUnknownDomainNamingTheField() {
    String before = nquads();
    String yaml = resource("orders-product.yaml").replace("domain: sales", "domain: nowhere");

    JsonNode problem = body(failure(() -> apply(yaml, false)));

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("documents[0].metadata.domain");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .contains("'nowhere' does not exist");
    assertThat(nquads()).isEqualTo(before);
  }

  @Test
  void shouldUpdateADomainAndRefuseToDeleteItWhileItHasProducts() {
    apply(resource("sales-domain.yaml").replace("name: sales", "name: hr"), false);
    apply(
        resource("sales-domain.yaml")
            .replace("name: sales", "name: hr")
            .replace("title: Sales", "title: People"),
        false);
    apply(resource("orders-product.yaml").replace("domain: sales", "domain: hr"), false);

    assertThat(get("/api/v1/domains/hr").path("title").asText()).isEqualTo("People");
    assertThat(get("/api/v1/domains/hr/revisions").findValuesAsText("action"))
        .containsExactly("created", "updated");
    HttpClientResponseException conflict =
        failure(() -> http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/domains/hr")));
    assertThat(conflict.getStatus().getCode()).isEqualTo(409);
    http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/products/hr/orders"));
    http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/domains/hr"));
    assertThat(status("/api/v1/domains/hr")).isEqualTo(404);
  }

  @Test
  void shouldValidateButWriteNothingOnADryRun() {
    String before = nquads();
    String yaml = resource("orders-product.yaml").replace("name: orders\n", "name: dry-orders\n");

    JsonNode report = apply(yaml, true);

    assertThat(report.path("dryRun").asBoolean()).isTrue();
    assertThat(report.path("results").get(0).path("status").asText()).isEqualTo("created");
    assertThat(nquads()).isEqualTo(before);
    assertThat(status("/api/v1/products/sales/dry-orders")).isEqualTo(404);
  }

  @Test
  void shouldKeepEveryRevisionWithWhoWhenHashAndWhatChanged() {
    String v1 = resource("orders-product.yaml").replace("name: orders\n", "name: history\n");
    String v2 =
        v1.replace("one row per order line.", "one row per order.")
            .replace("lifecycle: design", "lifecycle: build");
    apply(v1, false);
    JsonNode result = apply(v2, false).path("results").get(0);

    assertThat(result.path("status").asText()).isEqualTo("updated");
    assertThat(result.path("revision").asInt()).isEqualTo(2);
    JsonNode history = get("/api/v1/products/sales/history/revisions");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).path("action").asText()).isEqualTo("created");
    assertThat(history.get(1).path("actor").asText())
        .as("the authenticated subject")
        .isEqualTo("admin");
    assertThat(history.get(1).path("appliedAt").asText()).isNotBlank();
    assertThat(history.get(1).path("contentHash").asText())
        .hasSize(64)
        .isNotEqualTo(history.get(0).path("contentHash").asText());
    assertThat(history.get(1).path("changes").findValuesAsText("path"))
        .containsExactlyInAnyOrder("spec.description", "spec.lifecycle");
    assertThat(
            get("/api/v1/products/sales/history/revisions/1")
                .path("descriptor")
                .path("spec")
                .path("lifecycle")
                .asText())
        .isEqualTo("design");
  }

  @Test
  void shouldRecordTheCommitATesseraCommitHeaderNamesAndRefuseAMalformedOne() {
    String yaml = resource("orders-product.yaml").replace("name: orders\n", "name: committed\n");
    String sha = "0123456789abcdef0123456789abcdef01234567";

    HttpClientResponseException malformed =
        failure(
            () ->
                http.toBlocking()
                    .retrieve(
                        HttpRequest.POST("/api/v1/descriptors", yaml)
                            .contentType(YAML)
                            .header("Tessera-Commit", "not-a-sha")));
    assertThat(malformed.getStatus().getCode()).isEqualTo(400);
    assertThat(body(malformed).path("type").asText()).endsWith("/invalid-request");
    assertThat(body(malformed).path("errors").get(0).path("field").asText())
        .isEqualTo("Tessera-Commit");
    assertThat(revisionCount("committed")).isZero();

    http.toBlocking()
        .retrieve(
            HttpRequest.POST("/api/v1/descriptors", yaml)
                .contentType(YAML)
                .header("Tessera-Commit", sha.toUpperCase(java.util.Locale.ROOT)));
    apply(yaml.replace("lifecycle: design", "lifecycle: build"), false);

    JsonNode history = get("/api/v1/products/sales/committed/revisions");
    assertThat(history.get(0).path("commit").asText()).isEqualTo(sha);
    assertThat(history.get(0).path("channel").asText()).isEqualTo("api");
    assertThat(history.get(1).has("commit")).as("no header, no commit").isFalse();
  }

  @Test
  void shouldServeDprodTurtleAndJsonLdThatConformToTheShapes() {
    apply(resource("orders-product.yaml").replace("name: orders\n", "name: rdf-orders\n"), false);

    String turtle =
        http.toBlocking()
            .retrieve(HttpRequest.GET("/api/v1/products/sales/rdf-orders").accept("text/turtle"));
    String jsonLd =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/v1/products/sales/rdf-orders").accept("application/ld+json"));

    TesseraOntology ontology = new TesseraOntology();
    Graph answer = GraphFactory.createDefaultGraph();
    RDFParser.fromString(turtle, Lang.TURTLE).parse(answer);
    Graph graph = GraphFactory.createDefaultGraph();
    answer.find().forEach(graph::add);
    ontology.vocabulary().find().forEach(graph::add);
    ValidationReport report = ShaclValidator.get().validate(ontology.shapes(), graph);
    assertThat(report.conforms()).as(report.getEntries().toString()).isTrue();
    assertThat(turtle)
        .contains("dprod:DataProduct")
        .contains("dprod:outputPort")
        .contains("tess:Design");
    Graph fromJsonLd = GraphFactory.createDefaultGraph();
    RDFParser.fromString(jsonLd, Lang.JSONLD).parse(fromJsonLd);
    // the same triples as the Turtle answer (which types its own lifecycle status)
    assertThat(fromJsonLd.isIsomorphicWith(answer)).isTrue();
  }

  @Test
  void shouldShowAProductAsPhysicalOnceItsPortIsBoundToAnObservedDataset() {
    apply(
        resource("orders-product.yaml")
            .replace("name: orders\n", "name: bound-orders\n")
            .replace("sales.public.orders", "sales.public.bound_orders"),
        false);
    Instant seen = Instant.parse("2026-05-01T08:00:00Z");

    products.bindObservedDataset(
        new DatasetRef("postgres://warehouse:5432", "sales.public.bound_orders"),
        seen,
        "urn:uuid:1f0c2b59-0c39-4f39-9f55-6b6b3f3a7f10");

    JsonNode product = get("/api/v1/products/sales/bound-orders");
    assertThat(product.path("state").asText()).isEqualTo("physical");
    assertThat(product.path("physicalSince").asText()).isEqualTo("2026-05-01T08:00:00Z");
    assertThat(product.path("outputPorts").get(0).path("binding").path("evidence").asText())
        .isEqualTo("urn:uuid:1f0c2b59-0c39-4f39-9f55-6b6b3f3a7f10");
    assertThat(
            get("/api/v1/products?domain=sales&lifecycle=physical")
                .path("items")
                .findValuesAsText("name"))
        .contains("bound-orders");
  }

  @Test
  void shouldRetireThenDeleteAProductAndKeepItsHistory() {
    apply(resource("orders-product.yaml").replace("name: orders\n", "name: old-orders\n"), false);

    JsonNode retired = post("/api/v1/products/sales/old-orders/retire");
    assertThat(retired.path("results").get(0).path("status").asText()).isEqualTo("retired");
    assertThat(get("/api/v1/products/sales/old-orders").path("lifecycle").asText())
        .isEqualTo("retired");

    http.toBlocking().exchange(HttpRequest.DELETE("/api/v1/products/sales/old-orders"));
    assertThat(status("/api/v1/products/sales/old-orders")).isEqualTo(404);
    assertThat(get("/api/v1/products/sales/old-orders/revisions").findValuesAsText("action"))
        .containsExactly("created", "retired", "deleted");

    JsonNode recreated =
        apply(
            resource("orders-product.yaml").replace("name: orders\n", "name: old-orders\n"), false);
    assertThat(recreated.path("results").get(0).path("status").asText()).isEqualTo("created");
    assertThat(recreated.path("results").get(0).path("revision").asInt()).isEqualTo(4);
  }

  @Test
  void shouldListProductsWithFiltersAndCursorPaging() {
    for (String name : List.of("page-a", "page-b", "page-c")) {
      apply(
          resource("orders-product.yaml")
              .replace("name: orders\n", "name: " + name + "\n")
              .replace("lifecycle: design", "lifecycle: ideation"),
          false);
    }
    JsonNode first = get("/api/v1/products?domain=sales&lifecycle=ideation&limit=2");
    JsonNode second =
        get(
            "/api/v1/products?domain=sales&lifecycle=ideation&limit=2&cursor="
                + first.path("nextCursor").asText());

    assertThat(first.path("items").findValuesAsText("name")).containsExactly("page-a", "page-b");
    assertThat(second.path("items").findValuesAsText("name")).containsExactly("page-c");
    assertThat(second.has("nextCursor")).isFalse();
    assertThat(status("/api/v1/products?lifecycle=live")).isEqualTo(400);
    assertThat(status("/api/v1/products?limit=0")).isEqualTo(400);
    assertThat(status("/api/v1/products?cursor=not*base64!")).isEqualTo(400);
  }

  static Stream<Path> standardFixtures() {
    return Stream.of("odps", "odcs", "datacontract")
        .flatMap(standard -> StandardFixtures.yamlFiles(standard).stream());
  }

  @RequiresSharedCorpus
  @ParameterizedTest(name = "{0}")
  @MethodSource("standardFixtures")
  void shouldImportPublishedOdpsOdcsAndDcsDescriptorsIntoProductsAndPorts(Path fixture)
      throws IOException {
    JsonNode report = apply(Files.readString(fixture), false, "?domain=imported");

    JsonNode result = report.path("results").get(0);
    assertThat(result.path("status").asText()).isIn("created", "updated", "unchanged");
    JsonNode product =
        get(
            "/api/v1/products/"
                + result.path("domain").asText()
                + "/"
                + result.path("name").asText());
    assertThat(product.path("outputPorts").size()).isPositive();
    assertThat(product.path("sourceFormat").asText()).matches("(od(p|c)s:v|dcs:).*");
  }

  @RequiresSharedCorpus
  @Test
  void shouldBindAnOdcsTableToTheOpenLineageIdentityItPromises() throws IOException {
    apply(
        Files.readString(StandardFixtures.directory().resolve("odcs/full-example.odcs.yaml")),
        false);

    JsonNode port = get("/api/v1/products/seller/my-quantum").path("outputPorts").get(0);
    assertThat(port.path("dataset").path("namespace").asText())
        .isEqualTo("postgres://localhost:5432");
    assertThat(port.path("dataset").path("name").asText())
        .isEqualTo("pypl-edw.pp_access_views.tbl_1");
  }

  @RequiresSharedCorpus
  @Test
  void shouldServeADataContractModelAtItsS3PrefixWithItsFreshnessObjective() throws IOException {
    apply(
        Files.readString(
            StandardFixtures.directory().resolve("datacontract/orders-latest.datacontract.yaml")),
        false,
        "?domain=sales");

    JsonNode product = get("/api/v1/products/sales/orders-latest");
    assertThat(product.path("sourceFormat").asText()).isEqualTo("dcs:1.2.0");
    JsonNode port = product.path("outputPorts").get(0);
    assertThat(port.path("name").asText()).isEqualTo("orders");
    assertThat(port.path("dataset").path("namespace").asText())
        .isEqualTo("s3://datacontract-example-orders-latest");
    assertThat(port.path("dataset").path("name").asText()).isEqualTo("v2/orders");
    assertThat(products.find("sales", "orders-latest").orElseThrow().outputPorts().get(0).slo())
        .extracting(Slo::freshness)
        .isEqualTo(Duration.ofHours(25));
  }

  @Test
  void shouldRejectADataContractModelWithoutFieldsNamingTheSourceFieldAndChangeNothing() {
    String before = nquads();
    String contract =
        """
        dataContractSpecification: 1.2.1
        id: empty-orders
        info: {title: Empty orders, version: 1.0.0}
        models:
          orders: {type: table, description: no fields}
        """;

    JsonNode problem = body(failure(() -> apply(contract, false, "?domain=sales")));

    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("documents[0].models.orders.fields");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .contains("at least one field");
    assertThat(nquads()).isEqualTo(before);
  }

  @Test
  void shouldAnswerProblemJsonForUnknownRoutesAndUnsupportedBodies() {
    assertThat(status("/api/v1/products/sales/does-not-exist")).isEqualTo(404);
    assertThat(status("/api/v1/products/Sales/ORDERS")).isEqualTo(404);
    HttpClientResponseException error =
        failure(
            () ->
                http.toBlocking()
                    .exchange(
                        HttpRequest.POST("/api/v1/descriptors", "<xml/>")
                            .contentType(MediaType.APPLICATION_XML_TYPE)));
    assertThat(error.getStatus().getCode()).isEqualTo(415);
    assertThat(body(error).path("type").asText()).endsWith("/unsupported-media-type");
  }

  private static HttpClientResponseException failure(Runnable call) {
    try {
      call.run();
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("expected an HTTP error response");
  }

  private JsonNode apply(String yaml, boolean dryRun) {
    return apply(yaml, dryRun, "");
  }

  private JsonNode apply(String yaml, boolean dryRun, String query) {
    String path =
        "/api/v1/descriptors" + (query.isEmpty() ? (dryRun ? "?dryRun=true" : "") : query);
    return parse(http.toBlocking().retrieve(HttpRequest.POST(path, yaml).contentType(YAML)));
  }

  private JsonNode get(String path) {
    return parse(http.toBlocking().retrieve(HttpRequest.GET(path)));
  }

  private JsonNode post(String path) {
    return parse(http.toBlocking().retrieve(HttpRequest.POST(path, "")));
  }

  private int status(String path) {
    try {
      HttpResponse<?> response = http.toBlocking().exchange(HttpRequest.GET(path));
      return response.getStatus().getCode();
    } catch (HttpClientResponseException e) {
      assertThat(e.getResponse().getContentType())
          .map(MediaType::toString)
          .contains("application/problem+json");
      return e.getStatus().getCode();
    }
  }

  private int revisionCount(String product) {
    try {
      return get("/api/v1/products/sales/" + product + "/revisions").size();
    } catch (HttpClientResponseException e) {
      return 0;
    }
  }

  private String nquads() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.export(out, RdfFormat.NQUADS);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    java.util.Arrays.sort(lines);
    return String.join("\n", lines);
  }

  private static JsonNode body(HttpClientResponseException e) {
    return parse(e.getResponse().getBody(String.class).orElseThrow());
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException(json, e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = DescriptorApiIT.class.getResourceAsStream("/descriptors/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
