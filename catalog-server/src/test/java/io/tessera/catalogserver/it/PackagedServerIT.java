package io.tessera.catalogserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.ontology.TesseraOntology;
import io.tessera.serverprocess.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packaged fat jar ({@code target/catalog-server.jar}) as an operator runs it: a child process
 * with the demo catalog in an empty data directory (H2 file database, TDB2), driven over HTTP with
 * the JDK's client, then restarted on the same data directory. Start-up times are logged, not
 * asserted.
 */
class PackagedServerIT {
  private static final Logger LOG = LoggerFactory.getLogger(PackagedServerIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_DEADLINE = Duration.ofSeconds(180);
  private static final Path MODULE_DIR =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JAR = MODULE_DIR.resolve("target/catalog-server.jar");
  private static final Path LOGS = MODULE_DIR.resolve("target/packaged-server-it");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dataDir;

  private static ServerProcess server;

  @BeforeAll
  static void startWithDemoCatalog() throws Exception {
    assertThat(JAR)
        .as("the fat jar %s is missing: run `./mvnw -pl catalog-server -am package` first", JAR)
        .isRegularFile();
    server = start("cold-start");
    LOG.info(
        "packaged server cold start (empty data dir, demo catalog load) to health UP: {} ms",
        server.startUpTime().toMillis());
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void shouldListDemoDomainsWhenStartedWithDemoCatalog() throws Exception {
    JsonNode domains = getJson("/api/v1/domains");

    assertThat(domains.size()).isGreaterThanOrEqualTo(5);
    assertThat(texts(domains, "name")).contains("sales", "finance", "logistics");
  }

  @Test
  void shouldListEveryDemoProductOnceWhenFollowingNextCursor() throws Exception {
    List<String> keys = new ArrayList<>();
    int pages = 0;
    String cursor = null;
    do {
      JsonNode page =
          getJson(
              "/api/v1/products?limit=10"
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      pages++;
      page.path("items")
          .forEach(p -> keys.add(p.path("domain").asText() + "/" + p.path("name").asText()));
      cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
    } while (cursor != null && pages < 100);

    assertThat(keys).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    assertThat(pages).isGreaterThanOrEqualTo(3);
    assertThat(keys).contains("sales/orders", "finance/invoices", "customer/customer-360");
  }

  @Test
  void shouldListPlannedAndPhysicalProductsWhenFilteredByObservedState() throws Exception {
    JsonNode planned = getJson("/api/v1/products?lifecycle=planned&limit=500").path("items");
    JsonNode physical = getJson("/api/v1/products?lifecycle=physical&limit=500").path("items");

    assertThat(planned).isNotEmpty();
    assertThat(physical).isNotEmpty();
    assertThat(texts(planned, "state")).containsOnly("planned");
    assertThat(texts(physical, "state")).containsOnly("physical");
    assertThat(physical)
        .anySatisfy(p -> assertThat(p.path("name").asText()).isEqualTo("orders"))
        .allSatisfy(p -> assertThat(p.hasNonNull("physicalSince")).isTrue());
  }

  @Test
  void shouldServeTurtleConformingToTesseraShapesForPhysicalAndPlannedProducts() throws Exception {
    JsonNode firstPlanned =
        getJson("/api/v1/products?lifecycle=planned&limit=1").path("items").path(0);
    TesseraOntology ontology = new TesseraOntology();

    for (String product :
        List.of(
            "sales/orders",
            firstPlanned.path("domain").asText() + "/" + firstPlanned.path("name").asText())) {
      HttpResponse<String> response = get("/api/v1/products/" + product, "text/turtle");
      assertThat(response.statusCode()).as(product).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/turtle"));
      Graph graph = GraphFactory.createDefaultGraph();
      RDFParser.fromString(response.body(), Lang.TURTLE).parse(graph);
      String iri = getJson("/api/v1/products/" + product).path("iri").asText();
      assertThat(graph.contains(NodeFactory.createURI(iri), null, null)).as(product).isTrue();

      Graph data = GraphFactory.createDefaultGraph();
      ontology.vocabulary().find().forEach(data::add);
      graph.find().forEach(data::add);
      ValidationReport report = ShaclValidator.get().validate(ontology.shapes(), data);
      assertThat(report.conforms())
          .as(() -> product + " violates the shapes:\n" + text(report))
          .isTrue();
    }
  }

  @Test
  void shouldKeepAppliedProductAndDemoStatesWhenRestartedOnSameDataDir() throws Exception {
    Map<String, String> statesBefore = states();
    int domainsBefore = getJson("/api/v1/domains").size();
    HttpResponse<String> applied =
        post("/api/v1/descriptors", fixture("gift-cards.yaml"), "application/yaml");
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(JSON.readTree(applied.body()).path("results").path(0).path("status").asText())
        .isEqualTo("created");

    server.stop();
    server = start("warm-restart");
    LOG.info(
        "packaged server warm restart (same data dir, demo already loaded) to health UP: {} ms",
        server.startUpTime().toMillis());

    JsonNode giftCards = getJson("/api/v1/products/sales/gift-card-balances");
    assertThat(giftCards.path("title").asText()).isEqualTo("Gift Card Balances");
    assertThat(giftCards.path("state").asText()).isEqualTo("planned");
    JsonNode history = getJson("/api/v1/products/sales/gift-card-balances/revisions");
    assertThat(texts(history, "revision")).containsExactly("1");
    assertThat(texts(history, "action")).containsExactly("created");
    JsonNode demoHistory = getJson("/api/v1/products/sales/orders/revisions");
    assertThat(texts(demoHistory, "revision")).containsExactly("1");
    assertThat(texts(demoHistory, "actor")).containsExactly("demo");
    assertThat(getJson("/api/v1/domains").size()).isEqualTo(domainsBefore);
    Map<String, String> statesAfter = states();
    assertThat(statesAfter).containsEntry("sales/gift-card-balances", "planned");
    statesAfter.remove("sales/gift-card-balances");
    assertThat(statesAfter).isEqualTo(statesBefore);
  }

  private static ServerProcess start(String label) throws Exception {
    return ServerProcess.builder(JAR, LOGS.resolve(label + ".log"))
        .dataDir(dataDir)
        .environment("TESSERA_DEMO", "true")
        .environment("TESSERA_ADMIN_TOKEN", TestCredentials.ADMIN_TOKEN)
        .start(START_DEADLINE);
  }

  /** Every product's {@code domain/name} and observed state (planned or physical). */
  private static Map<String, String> states() throws Exception {
    Map<String, String> states = new LinkedHashMap<>();
    JsonNode page = getJson("/api/v1/products?limit=500");
    assertThat(page.hasNonNull("nextCursor")).as("all products fit one page").isFalse();
    page.path("items")
        .forEach(
            p ->
                states.put(
                    p.path("domain").asText() + "/" + p.path("name").asText(),
                    p.path("state").asText()));
    return states;
  }

  private static JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path, "application/json");
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(30))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body, String contentType)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Content-Type", contentType)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(element.path(field).asText()));
    return values;
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = PackagedServerIT.class.getResourceAsStream("/it/packaged/" + name)) {
      assertThat(in).as("fixture it/packaged/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String text(ValidationReport report) {
    StringWriter out = new StringWriter();
    RDFDataMgr.write(out, report.getModel(), Lang.TURTLE);
    return out.toString();
  }
}
