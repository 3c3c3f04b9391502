package io.tessera.catalogserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.descriptors.standards.StandardFixtures;
import io.tessera.descriptors.standards.StandardSchemas;
import io.tessera.ontology.RequiresSharedCorpus;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Products exported as ODPS v1.0.0 and ODCS v3.1.0 over real HTTP, on the demo catalog: every
 * export is valid against the standards' published JSON Schemas and applies back {@code unchanged};
 * the published examples survive import, export and import; an ODPS product and its ODCS contract
 * applied in one request merge into one product.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RequiresSharedCorpus
class StandardExportIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String PRODUCTS = "/api/v1/products/";

  @Inject EmbeddedServer server;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private StandardSchemas schemas;
  private List<String> demoProducts;

  record Reply(int status, String contentType, String body) {}

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-standard-export-it", "tessera.demo", "true");
  }

  @BeforeAll
  void listTheDemoProducts() throws IOException {
    schemas = new StandardSchemas();
    demoProducts = new ArrayList<>();
    for (JsonNode item :
        JSON.readTree(send("GET", "/api/v1/products?limit=500", null, "application/json").body())
            .path("items")) {
      demoProducts.add(item.path("domain").asText() + "/" + item.path("name").asText());
    }
    apply(
        """
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: merge-demo}
        spec: {title: Merge demo, owner: "mailto:merge@example.com"}
        ---
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: imported}
        spec: {title: Imported, owner: "mailto:imported@example.com"}
        ---
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: seller}
        spec: {title: Seller, owner: "mailto:seller@example.com"}
        """,
        "");
  }

  @Test
  void shouldExportEveryDemoProductAsOdpsAndOdcsThatTheirSchemasAccept() throws IOException {
    assertThat(demoProducts).hasSizeGreaterThan(30);
    for (String product : demoProducts) {
      Reply odps = send("GET", PRODUCTS + product + "?format=odps", null, "*/*");
      Reply odcs = send("GET", PRODUCTS + product + "?format=odcs", null, "*/*");

      assertThat(odps.status()).as(product + " " + odps.body()).isEqualTo(200);
      assertThat(odps.contentType()).startsWith("application/odps+yaml");
      assertThat(schemas.odpsErrors(YAML.readTree(odps.body()))).as(product).isEmpty();
      assertThat(odcs.status()).as(product + " " + odcs.body()).isEqualTo(200);
      assertThat(odcs.contentType()).startsWith("application/odcs+yaml");
      assertThat(schemas.odcsErrors(YAML.readTree(odcs.body()))).as(product).isEmpty();
    }
  }

  @Test
  void shouldApplyEveryDemoProductsOdpsAndOdcsExportBackUnchanged() {
    for (String product : demoProducts) {
      String odps = send("GET", PRODUCTS + product + "?format=odps", null, "*/*").body();
      String odcs = send("GET", PRODUCTS + product + "?format=odcs", null, "*/*").body();

      assertThat(statuses(apply(odps, ""))).as("ODPS of " + product).containsExactly("unchanged");
      assertThat(statuses(apply(odcs, ""))).as("ODCS of " + product).containsExactly("unchanged");
      assertThat(statuses(apply(odps + "\n---\n" + odcs, "")))
          .as("ODPS and ODCS of " + product + " together")
          .containsExactly("unchanged");
    }
  }

  static Stream<Path> publishedExamples() {
    return Stream.of("odps", "odcs")
        .flatMap(standard -> StandardFixtures.yamlFiles(standard).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publishedExamples")
  void shouldImportExportAndImportAPublishedExampleUnchanged(Path example) throws IOException {
    JsonNode first = apply(Files.readString(example), "?domain=imported").path("results").get(0);
    String product = first.path("domain").asText() + "/" + first.path("name").asText();

    for (String format : List.of("odps", "odcs")) {
      Reply exported = send("GET", PRODUCTS + product + "?format=" + format, null, "*/*");
      assertThat(exported.status()).as(exported.body()).isEqualTo(200);
      assertThat(statuses(apply(exported.body(), ""))).as(format).containsExactly("unchanged");
    }
  }

  @Test
  void shouldNegotiateTheFormatFromTheAcceptHeader() throws IOException {
    String product = PRODUCTS + "sales/orders";

    Reply tessera = send("GET", product, null, "application/yaml");
    Reply odpsJson = send("GET", product, null, "application/odps+json");
    Reply odcsYaml = send("GET", product, null, "application/odcs+yaml");
    Reply formatAsJson = send("GET", product + "?format=odcs", null, "application/json");
    Reply view = send("GET", product, null, "application/json");

    assertThat(tessera.contentType()).startsWith("application/yaml");
    JsonNode descriptor = YAML.readTree(tessera.body());
    assertThat(descriptor.path("apiVersion").asText()).isEqualTo("tessera/v1");
    assertThat(descriptor.at("/metadata/name").asText()).isEqualTo("orders");
    assertThat(odpsJson.contentType()).startsWith("application/odps+json");
    assertThat(JSON.readTree(odpsJson.body()).path("kind").asText()).isEqualTo("DataProduct");
    assertThat(JSON.readTree(odpsJson.body()).path("apiVersion").asText()).isEqualTo("v1.0.0");
    assertThat(odcsYaml.contentType()).startsWith("application/odcs+yaml");
    assertThat(YAML.readTree(odcsYaml.body()).path("kind").asText()).isEqualTo("DataContract");
    assertThat(formatAsJson.contentType()).startsWith("application/odcs+json");
    assertThat(JSON.readTree(formatAsJson.body()).path("apiVersion").asText()).isEqualTo("v3.1.0");
    assertThat(JSON.readTree(view.body()).path("domain").asText()).isEqualTo("sales");
    assertThat(statuses(apply(tessera.body(), ""))).containsExactly("unchanged");
  }

  @Test
  void shouldRefuseAnUnknownFormatNamingTheAllowedOnes() throws IOException {
    for (String path : List.of("sales/orders", "sales/no-such-product")) {
      Reply reply = send("GET", PRODUCTS + path + "?format=dpds", null, "*/*");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(JSON.readTree(reply.body()).path("detail").asText())
          .contains("odps, odcs, tessera")
          .contains("dpds");
    }
  }

  @Test
  void shouldAnswerAMissingProductsExportWithNotFound() {
    for (String format : List.of("odps", "odcs", "tessera")) {
      Reply reply = send("GET", PRODUCTS + "sales/no-such-product?format=" + format, null, "*/*");
      assertThat(reply.status()).isEqualTo(404);
    }
  }

  @Test
  void shouldMergeAnOdpsProductAndItsOdcsContractAppliedInOneRequest() throws IOException {
    String both = resource("descriptors/standards/odps-and-odcs.yaml");

    JsonNode report = apply(both, "");
    JsonNode again = apply(both, "");

    assertThat(report.path("results")).hasSize(1);
    assertThat(report.at("/results/0/status").asText()).isEqualTo("created");
    assertThat(statuses(again)).containsExactly("unchanged");
    JsonNode product =
        JSON.readTree(
            send("GET", PRODUCTS + "merge-demo/parcel-events", null, "application/json").body());
    assertThat(product.path("title").asText()).isEqualTo("Parcel Events");
    assertThat(product.path("owner").asText()).isEqualTo("mailto:parcel-lead@example.com");
    assertThat(product.path("purpose").asText())
        .isEqualTo("Track every parcel from pick-up to delivery.");
    JsonNode port = product.path("outputPorts").get(0);
    assertThat(product.path("outputPorts")).hasSize(1);
    assertThat(port.path("name").asText()).isEqualTo("parcel-events");
    assertThat(port.toString())
        .contains("kafka://broker.internal:9092", "parcel.scans", "parcel_id", "recipient_email");
    JsonNode descriptor =
        YAML.readTree(
            send("GET", PRODUCTS + "merge-demo/parcel-events?format=tessera", null, "*/*").body());
    assertThat(descriptor.at("/spec/tags").toString()).isEqualTo("[\"parcels\",\"logistics\"]");
    assertThat(descriptor.at("/spec/classification").toString()).isEqualTo("[\"pii\"]");
    assertThat(descriptor.at("/spec/outputPorts/0/contract").asText())
        .isEqualTo("parcel-events-contract");
  }

  @Test
  void shouldRejectAnOdpsDocumentWithAMalformedTesseraPropertyAndChangeNothing()
      throws IOException {
    String odps = send("GET", PRODUCTS + "sales/orders?format=odps", null, "*/*").body();
    ObjectNode broken = (ObjectNode) YAML.readTree(odps);
    broken
        .withArray("customProperties")
        .addObject()
        .put("property", "tessera.title")
        .put("value", "Broken");

    Reply reply =
        send(
            "POST",
            "/api/v1/descriptors",
            broken.toString(),
            "application/json",
            "application/json");

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("documents[0].customProperties[", "tessera.title");
    assertThat(send("GET", PRODUCTS + "sales/orders?format=odps", null, "*/*").body())
        .isEqualTo(odps);
  }

  private static List<String> statuses(JsonNode report) {
    List<String> statuses = new ArrayList<>();
    report.path("results").forEach(r -> statuses.add(r.path("status").asText()));
    return statuses;
  }

  private JsonNode apply(String yaml, String query) {
    Reply reply =
        send("POST", "/api/v1/descriptors" + query, yaml, "application/json", "application/yaml");
    assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reply send(String method, String path, String body, String accept) {
    return send(method, path, body, accept, null);
  }

  private Reply send(String method, String path, String body, String accept, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.getURI() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", accept)
            .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = StandardExportIT.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
