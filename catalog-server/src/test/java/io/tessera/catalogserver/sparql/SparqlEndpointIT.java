package io.tessera.catalogserver.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.security.HidingAccessScopes;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /sparql} and {@code /api/v1/export} over real HTTP with Jena's own SPARQL client, on a
 * small catalog: two products with lineage, one of which (Quarzite Commissions) the ordinary caller
 * may not discover. A caller sending {@code X-Test-Principal: admin} is a platform admin.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlEndpointIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final String PROBLEMS = "https://w3id.org/tessera/problems/";
  private static final String PREFIXES =
      """
      PREFIX dprod: <https://ekgf.github.io/dprod/>
      PREFIX dct: <http://purl.org/dc/terms/>
      """;
  private static final String HIDDEN_PRODUCT = IRIS.product("sales", "quarzite-commissions");
  private static final Map<String, String> ADMIN =
      Map.of(HidingAccessScopes.PRINCIPAL_HEADER, "admin");
  private static final int MAX_RESULTS = 2000;
  private static final String SD_NS = "http://www.w3.org/ns/sparql-service-description#";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject RecordingSparqlAudit audit;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-sparql-it",
        "tessera.query-timeout",
        "3s",
        "tessera.security.anonymous-read",
        "true",
        "tessera.sparql.max-results",
        Integer.toString(MAX_RESULTS),
        "tessera.test.record-sparql-audit",
        "true",
        "tessera.test.hidden-graphs",
        String.join(
            ",",
            IRIS.productGraph("sales", "quarzite-commissions"),
            IRIS.datasetGraph("postgres://pay-db:5432", "pay.public.quarzite_commissions"),
            IRIS.jobGraph("pay-etl", "load_quarzite_commissions")));
  }

  @BeforeAll
  void loadTheCatalog() throws Exception {
    Reply applied =
        send(
            "POST",
            "/api/v1/descriptors",
            resource("catalog.yaml"),
            Map.of("Content-Type", "application/yaml"));
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    long last = 0;
    for (JsonNode event : JSON.readTree(resource("runs.json"))) {
      Reply accepted =
          send(
              "POST",
              "/api/v1/lineage",
              event.toString(),
              Map.of("Content-Type", "application/json"));
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
      last = Math.max(last, accepted.json().path("id").asLong());
    }
    assertThat(projection.awaitProjected(last, Duration.ofSeconds(60))).isTrue();
  }

  // ---- formats, through Jena's SPARQL client

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values"
      })
  void shouldAnswerSelectInEachResultFormat(String mediaType) {
    List<String> titles = new ArrayList<>();
    try (QueryExecutionHTTP exec =
        QueryExecutionHTTP.service(endpoint())
            .query(PREFIXES + "SELECT ?title { ?p a dprod:DataProduct ; dct:title ?title }")
            .acceptHeader(mediaType)
            .build()) {
      ResultSet results = exec.execSelect();
      results.forEachRemaining(
          (QuerySolution s) -> titles.add(s.get("title").asLiteral().getLexicalForm()));
    }
    assertThat(titles).containsExactly("Orders");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/sparql-results+json", "application/sparql-results+xml"})
  void shouldAnswerAskInSparqlResults(String mediaType) {
    try (QueryExecutionHTTP exec =
        QueryExecutionHTTP.service(endpoint())
            .query(PREFIXES + "ASK { ?p dct:title \"Orders\" }")
            .acceptHeader(mediaType)
            .build()) {
      assertThat(exec.execAsk()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/csv", "text/tab-separated-values"})
  void shouldAnswerAskInCsvAndTsv(String mediaType) {
    Reply reply = get("ASK { ?p ?q \"Orders\" }", Map.of("Accept", mediaType));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith(mediaType);
    assertThat(reply.body()).contains("true");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml",
        "application/trig",
        "application/n-quads"
      })
  void shouldAnswerConstructAndDescribeInEachRdfFormat(String mediaType) {
    for (String query :
        List.of(
            "CONSTRUCT { ?p dct:title ?t } WHERE { ?p a dprod:DataProduct ; dct:title ?t }",
            "DESCRIBE <" + IRIS.product("sales", "orders") + ">")) {
      Reply reply = get(PREFIXES + query, Map.of("Accept", mediaType));
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.contentType()).startsWith(mediaType);
      DatasetGraph parsed = DatasetGraphFactory.create();
      RDFParser.fromString(reply.body(), RDFLanguages.contentTypeToLang(mediaType)).parse(parsed);
      assertThat(parsed.getDefaultGraph().find().toList().toString()).contains("Orders");
    }
  }

  @Test
  void shouldReadConstructThroughJenasClient() {
    try (QueryExecutionHTTP exec =
        QueryExecutionHTTP.service(endpoint())
            .query(PREFIXES + "CONSTRUCT WHERE { ?p a dprod:DataProduct ; dct:title ?t }")
            .build()) {
      Graph graph = exec.execConstruct().getGraph();
      assertThat(graph.size()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = QuerySendMode.class,
      names = {"asGetAlways", "asPostForm", "asPost"})
  void shouldTakeTheQueryByGetFormPostAndDirectPost(QuerySendMode mode) {
    try (QueryExecutionHTTP exec =
        QueryExecutionHTTP.service(endpoint())
            .query(PREFIXES + "SELECT ?t { ?p dct:title ?t } ORDER BY ?t")
            .sendMode(mode)
            .build()) {
      List<String> titles = new ArrayList<>();
      exec.execSelect().forEachRemaining(s -> titles.add(s.getLiteral("t").getLexicalForm()));
      assertThat(titles).contains("Orders");
    }
  }

  @Test
  void shouldTakeTheDatasetFromTheProtocolParameters() {
    String ordersGraph = IRIS.productGraph("sales", "orders");
    try (QueryExecutionHTTP exec =
        QueryExecutionHTTP.service(endpoint())
            .query(PREFIXES + "SELECT ?g ?t { GRAPH ?g { ?p dct:title ?t } }")
            .addNamedGraphURI(ordersGraph)
            .build()) {
      List<String> rows = new ArrayList<>();
      exec.execSelect()
          .forEachRemaining(
              s -> rows.add(s.getResource("g").getURI() + " " + s.getLiteral("t").getString()));
      assertThat(rows).containsExactly(ordersGraph + " Orders");
    }
    try (QueryExecutionHTTP exec =
        QueryExecutionHTTP.service(endpoint())
            .query("SELECT DISTINCT ?s { ?s ?p ?o }")
            .addDefaultGraphURI(IRIS.domainGraph("sales"))
            .build()) {
      List<String> subjects = new ArrayList<>();
      exec.execSelect().forEachRemaining(s -> subjects.add(s.get("s").toString()));
      assertThat(subjects)
          .contains(IRIS.domain("sales"))
          .doesNotContain(IRIS.product("sales", "orders"));
    }
  }

  // ---- errors

  static Stream<String[]> updates() {
    return Stream.of(
        new String[] {"GET", "/sparql?update=" + q("CLEAR ALL"), null, null},
        new String[] {
          "POST", "/sparql", "update=" + q("CLEAR ALL"), "application/x-www-form-urlencoded"
        },
        new String[] {"POST", "/sparql", "CLEAR ALL", "application/sparql-update"},
        new String[] {"GET", "/sparql?query=" + q("DROP ALL"), null, null},
        new String[] {
          "POST", "/sparql", "INSERT DATA { <urn:x> <urn:y> \"z\" }", "application/sparql-query"
        },
        new String[] {
          "POST",
          "/sparql",
          "query=" + q("DELETE WHERE { ?s ?p ?o }"),
          "application/x-www-form-urlencoded"
        });
  }

  @ParameterizedTest
  @MethodSource("updates")
  void shouldRefuseEveryUpdateAndChangeNothing(
      String method, String path, String body, String type) {
    Reply reply = send(method, path, body, type == null ? Map.of() : Map.of("Content-Type", type));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "update-not-allowed");
    assertThat(get("ASK { ?p ?q \"Orders\" }", ADMIN).body()).contains("true");
  }

  @Test
  void shouldNameTheLineAndColumnOfASyntaxError() {
    Reply reply = get("SELECT ?s\nWHERE { ?s ?p }", Map.of());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode problem = reply.json();
    assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "invalid-query");
    assertThat(problem.path("detail").asText()).contains("line 2, column 15");
    assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo("query");
    assertThat(problem.path("errors").path(0).path("message").asText())
        .contains("line 2, column 15");
  }

  @Test
  void shouldReportTheStatusOfARejectedQueryToJenasClient() {
    assertThatThrownBy(
            () -> {
              try (QueryExecutionHTTP exec =
                  QueryExecutionHTTP.service(endpoint())
                      .query("SELECT * { SERVICE <http://localhost:9/sparql> { ?s ?p ?o } }")
                      .build()) {
                exec.execSelect().hasNext();
              }
            })
        .isInstanceOf(QueryExceptionHTTP.class)
        .satisfies(e -> assertThat(((QueryExceptionHTTP) e).getStatusCode()).isEqualTo(400));
  }

  @Test
  void shouldRefuseRemoteServices() {
    Reply reply = get("SELECT * { SERVICE <http://localhost:9/sparql> { ?s ?p ?o } }", Map.of());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-query");
    assertThat(reply.json().path("detail").asText()).contains("SERVICE");
  }

  @Test
  void shouldAskForAQueryWhenTheQueryParameterIsEmpty() {
    Reply reply = send("GET", "/sparql?query=", null, Map.of());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-request");
    assertThat(reply.json().path("detail").asText()).contains("query parameter is required");
  }

  @Test
  void shouldAnswer406ForAnUnsupportedAccept() {
    Reply select = get("SELECT * { ?s ?p ?o } LIMIT 1", Map.of("Accept", "image/png"));
    assertThat(select.status()).isEqualTo(406);
    assertThat(select.contentType()).startsWith("application/problem+json");
    assertThat(select.json().path("type").asText()).isEqualTo(PROBLEMS + "not-acceptable");
    assertThat(select.json().path("detail").asText()).contains("application/sparql-results+json");
    Reply construct = get("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", Map.of("Accept", "text/csv"));
    assertThat(construct.status()).isEqualTo(406);
    assertThat(construct.json().path("detail").asText()).contains("text/turtle");
  }

  @Test
  void shouldAnswer415ForAnUnsupportedBody() {
    Reply reply =
        send("POST", "/sparql", "SELECT * { ?s ?p ?o }", Map.of("Content-Type", "text/plain"));
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "unsupported-media-type");
  }

  @Test
  void shouldCancelAQueryPastTheTimeout() {
    Reply reply =
        get("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", ADMIN);
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "query-timeout");
  }

  @Test
  void shouldCutALongAnswerAtTheLimitAndSaySo() throws IOException {
    Reply cut = get("SELECT * { ?a ?b ?c . ?d a ?t }", Map.of());
    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.header("Tessera-Results-Truncated")).isEqualTo("true");
    assertThat(cut.header("Tessera-Max-Results")).isEqualTo(Integer.toString(MAX_RESULTS));
    assertThat(JSON.readTree(cut.body()).path("results").path("bindings").size())
        .isEqualTo(MAX_RESULTS);
    Reply whole = get("SELECT * { ?s ?p ?o } LIMIT 10", Map.of());
    assertThat(whole.header("Tessera-Results-Truncated")).isNull();
  }

  // ---- the hidden product

  static Stream<String> queriesAboutEverything() {
    return Stream.of(
        "SELECT * { ?s ?p ?o }",
        "SELECT * { GRAPH ?g { ?s ?p ?o } }",
        "SELECT ?g { GRAPH ?g { } }",
        "SELECT ?s ?t { ?s dct:title ?t FILTER(CONTAINS(LCASE(?t), \"quarzite\")) }",
        "SELECT * { ?s (dct:title|dct:description)+ ?o }",
        "SELECT * FROM NAMED <"
            + IRIS.productGraph("sales", "quarzite-commissions")
            + "> { GRAPH ?g { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
        "DESCRIBE <" + HIDDEN_PRODUCT + ">",
        "DESCRIBE ?s WHERE { ?s a dprod:DataProduct }",
        "DESCRIBE ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && CONTAINS(STR(?s), \"quarzite\")) }");
  }

  @ParameterizedTest
  @MethodSource("queriesAboutEverything")
  void shouldShowNothingOfTheHiddenProductToTheConsumer(String query) {
    String forAdmin = get(PREFIXES + query, ADMIN).body().toLowerCase(Locale.ROOT);
    String forConsumer = get(PREFIXES + query, Map.of()).body().toLowerCase(Locale.ROOT);
    assertThat(forAdmin).contains("quarzite");
    assertThat(forConsumer).doesNotContain("quarzite");
  }

  @Test
  void shouldAnswerNoToTheConsumerAskingAboutTheHiddenProduct() {
    for (String ask :
        List.of(
            "ASK { <" + HIDDEN_PRODUCT + "> ?p ?o }",
            "ASK { ?s dct:title \"Quarzite Commissions\" }",
            "ASK { GRAPH <" + IRIS.productGraph("sales", "quarzite-commissions") + "> { } }",
            "ASK { ?s ?p ?o FILTER(CONTAINS(LCASE(STR(?o)), \"quarzite\")) }")) {
      assertThat(get(PREFIXES + ask, ADMIN).body()).as(ask).contains("true");
      assertThat(get(PREFIXES + ask, Map.of()).body()).as(ask).contains("false");
    }
  }

  @Test
  void shouldHonourTheAdminsDatasetLikeAnyCallers() {
    String sales = IRIS.domainGraph("sales");
    String missing = IRIS.domainGraph("no-such-domain");
    String count = "SELECT (COUNT(*) AS ?n) FROM <%s> { ?s ?p ?o }";
    long all = count(get("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", ADMIN));
    long inSales = count(get(count.formatted(sales), ADMIN));
    assertThat(inSales).isPositive().isLessThan(all);
    assertThat(inSales)
        .as("the same for an anonymous reader, who may read the sales domain")
        .isEqualTo(count(get(count.formatted(sales), Map.of())));
    assertThat(count(get(count.formatted(missing), ADMIN))).isZero();
    Reply subjects = get("SELECT DISTINCT ?s FROM <" + sales + "> { ?s ?p ?o }", ADMIN);
    assertThat(subjects.body())
        .contains(IRIS.domain("sales"))
        .doesNotContain(IRIS.product("sales", "orders"), "quarzite");
    Reply named =
        get("SELECT DISTINCT ?g FROM NAMED <" + sales + "> { GRAPH ?g { ?s ?p ?o } }", ADMIN);
    assertThat(named.json().path("results").path("bindings").findValuesAsText("value"))
        .containsExactly(sales);
    Reply protocol =
        send(
            "GET",
            "/sparql?query="
                + q("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
                + "&default-graph-uri="
                + q(missing),
            null,
            ADMIN);
    assertThat(count(protocol)).isZero();
  }

  private static long count(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("results").path("bindings").path(0).path("n").path("value").asLong();
  }

  @Test
  void shouldReportAdminQueriesToTheAudit() {
    String adminQuery = "SELECT * { ?s ?p ?o } LIMIT 1 # audited";
    String consumerQuery = "SELECT * { ?s ?p ?o } LIMIT 1 # not audited";
    get(adminQuery, ADMIN);
    get(consumerQuery, Map.of());
    assertThat(audit.reported()).contains("ada: " + adminQuery);
    assertThat(audit.reported()).noneMatch(r -> r.contains("not audited"));
  }

  // ---- export

  @ParameterizedTest
  @ValueSource(strings = {"trig", "turtle", "nquads", "jsonld"})
  void shouldExportTheCatalogInEachFormatWithoutTheHiddenProduct(String format) {
    Reply consumer = send("GET", "/api/v1/export?lineage=true&format=" + format, null, Map.of());
    Reply admin = send("GET", "/api/v1/export?lineage=true&format=" + format, null, ADMIN);
    assertThat(consumer.status()).isEqualTo(200);
    Lang lang = RDFLanguages.contentTypeToLang(consumer.contentType().split(";")[0]);
    DatasetGraph parsed = DatasetGraphFactory.create();
    RDFParser.fromString(consumer.body(), lang).parse(parsed);
    assertThat(parsed.find().hasNext()).isTrue();
    assertThat(consumer.body()).contains("Orders", "sales.public.orders");
    assertThat(consumer.body().toLowerCase(Locale.ROOT)).doesNotContain("quarzite");
    assertThat(admin.body().toLowerCase(Locale.ROOT)).contains("quarzite");
  }

  @Test
  void shouldNegotiateTheExportFormatAndLeaveLineageOutByDefault() {
    Reply turtle = send("GET", "/api/v1/export", null, Map.of("Accept", "text/turtle"));
    assertThat(turtle.contentType()).startsWith("text/turtle");
    assertThat(turtle.body()).contains("Orders").doesNotContain("load_orders");
    Reply trig = send("GET", "/api/v1/export", null, Map.of());
    assertThat(trig.contentType()).startsWith("application/trig");
    Reply refused = send("GET", "/api/v1/export", null, Map.of("Accept", "image/png"));
    assertThat(refused.status()).isEqualTo(406);
    Reply wrong = send("GET", "/api/v1/export?format=csv", null, Map.of());
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-request");
  }

  // ---- the service description (GET without a query)

  @ParameterizedTest
  @CsvSource({
    "text/turtle, text/turtle",
    "application/ld+json, application/ld+json",
    "application/rdf+xml, application/rdf+xml",
    "'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', text/turtle",
    "*/*, text/turtle"
  })
  void shouldDescribeTheServiceWhenGetHasNoQuery(String accept, String type) {
    Reply reply = send("GET", "/sparql", null, Map.of("Accept", accept));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith(type);
    assertThat(reply.header("Vary")).containsIgnoringCase("Accept");
    Model description = ModelFactory.createDefaultModel();
    RDFParser.fromString(reply.body(), RDFLanguages.contentTypeToLang(type)).parse(description);
    Property sd = description.createProperty(SD_NS + "endpoint");
    List<Resource> services =
        description
            .listSubjectsWithProperty(RDF.type, description.createResource(SD_NS + "Service"))
            .toList();
    assertThat(services).hasSize(1);
    Resource service = services.getFirst();
    assertThat(service.getPropertyResourceValue(sd).getURI()).isEqualTo(endpoint());
    assertThat(
            service.hasProperty(
                description.createProperty(SD_NS + "supportedLanguage"),
                description.createResource(SD_NS + "SPARQL11Query")))
        .isTrue();
    assertThat(
            description
                .listObjectsOfProperty(service, description.createProperty(SD_NS + "resultFormat"))
                .mapWith(n -> n.asResource().getURI())
                .toList())
        .contains(
            "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
            "http://www.w3.org/ns/formats/SPARQL_Results_XML",
            "http://www.w3.org/ns/formats/Turtle",
            "http://www.w3.org/ns/formats/JSON-LD");
    Resource dataset =
        service.getPropertyResourceValue(description.createProperty(SD_NS + "defaultDataset"));
    assertThat(dataset).isNotNull();
    assertThat(dataset.hasProperty(RDF.type, description.createResource(SD_NS + "Dataset")))
        .isTrue();
    assertThat(dataset.getPropertyResourceValue(description.createProperty(SD_NS + "defaultGraph")))
        .isNotNull();
  }

  @Test
  void shouldDescribeTheServiceAlikeForEveryCallerAndNameNoGraph() {
    Reply anonymous = send("GET", "/sparql", null, Map.of("Accept", "text/turtle"));
    Reply admin =
        send(
            "GET",
            "/sparql",
            null,
            Map.of("Accept", "text/turtle", HidingAccessScopes.PRINCIPAL_HEADER, "admin"));

    assertThat(admin.status()).isEqualTo(200);
    Model seenByAdmin = ModelFactory.createDefaultModel();
    RDFParser.fromString(admin.body(), Lang.TURTLE).parse(seenByAdmin);
    Model seenByAnonymous = ModelFactory.createDefaultModel();
    RDFParser.fromString(anonymous.body(), Lang.TURTLE).parse(seenByAnonymous);
    assertThat(seenByAdmin.isIsomorphicWith(seenByAnonymous)).isTrue();
    assertThat(anonymous.body()).doesNotContain("quarzite", "/product/", "/dataset/");
  }

  @Test
  void shouldRefuseADescriptionInASparqlResultsFormat() {
    Reply reply = send("GET", "/sparql", null, Map.of("Accept", "application/sparql-results+json"));

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "not-acceptable");
    assertThat(reply.json().path("detail").asText()).contains("text/turtle");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/sparql?query=",
        "/sparql?default-graph-uri=urn:x",
        "/sparql?named-graph-uri=urn:x"
      })
  void shouldStillRefuseAProtocolRequestWithoutAQuery(String path) {
    Reply reply = send("GET", path, null, Map.of("Accept", "text/turtle"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-request");
    assertThat(reply.json().path("detail").asText()).contains("query parameter is required");
  }

  // ---- plumbing

  private String endpoint() {
    return server.getURI().resolve("/sparql").toString();
  }

  private Reply get(String query, Map<String, String> headers) {
    return send("GET", "/sparql?query=" + q(query), null, headers);
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String resource(String name) {
    try (InputStream in = SparqlEndpointIT.class.getResourceAsStream("/sparql/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.getURI() + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    if (method.equals("POST") && path.startsWith("/api/")) {
      // writes need credentials; the scope of every request comes from HidingAccessScopes
      request.header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Reply(HttpResponse<String> response) {
    int status() {
      return response.statusCode();
    }

    String body() {
      return response.body();
    }

    String contentType() {
      return header("Content-Type");
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + response.body(), e);
      }
    }
  }
}
