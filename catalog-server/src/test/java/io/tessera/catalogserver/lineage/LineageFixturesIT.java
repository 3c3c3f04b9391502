package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.ontology.RequiresSharedCorpus;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public OpenLineage corpus ({@code shared/fixtures/openlineage}, read in place) against the
 * running server: every concrete event is accepted, templates are accepted once their matchers are
 * replaced, negative events are rejected naming the field, and two real producer scenarios (the
 * Airflow BigQuery DAG and the Spark column-lineage run) project into the lineage the fixtures
 * describe.
 */
@RequiresSharedCorpus
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LineageFixturesIT implements TestPropertyProvider {
  private static final String AIRFLOW = "compat/airflow-bq-dag";
  private static final String SPARK_CLL = "compat/spark-cll";
  private static final String TBL1 = "dataset:file:/tmp/cll_test/tbl1";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject GraphStore store;

  private LineageHttp http;

  /** Every event this class had accepted, by journal id (the last body posted for that id). */
  private final Map<Long, JsonNode> accepted = new ConcurrentHashMap<>();

  private final List<Long> ids = new CopyOnWriteArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-lineage-fixtures-it");
  }

  @BeforeAll
  void connect() {
    http = new LineageHttp(server.getURI(), projection);
  }

  /**
   * Lets the projection finish before the server stops: stopping interrupts the projection thread,
   * and an interrupt in the middle of a TDB2 commit closes the store's file channels
   * (ClosedByInterruptException), after which shutdown hangs for 10 s.
   */
  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  /**
   * Concrete events, posted as they are. {@code compat/simple_run_event.json} is left out (its
   * runId is "run_id", see the negative cases), so is {@code marquez/event_required_no_timezone}.
   * {@code marquez/metadata.json} is an array of 26 events, posted one by one.
   */
  static Stream<String> concreteFixtures() {
    return Stream.of(
            OpenLineageFixtures.jsonFiles("compat").stream()
                .filter(f -> !f.equals("compat/simple_run_event.json")),
            Stream.of("openlineage-client/example_full_event.json"),
            OpenLineageFixtures.jsonFiles("marquez").stream()
                .filter(f -> !f.equals("marquez/event_required_no_timezone.json")),
            Stream.of("openlineage-proxy/event_full.json", "openlineage-proxy/event_simple.json"))
        .flatMap(s -> s);
  }

  /** Templates ({@code {{ any(result) }}}, JsonUnit matchers) and partial expected-subset files. */
  static Stream<String> templateFixtures() {
    return Stream.of("dbt", "great_expectations", "flink", "hive", "spark")
        .flatMap(dir -> OpenLineageFixtures.jsonFiles(dir).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("concreteFixtures")
  @Order(1)
  void shouldAcceptEveryConcreteFixtureEvent(String fixture) {
    List<ObjectNode> events = OpenLineageFixtures.events(fixture);
    if (fixture.equals("marquez/metadata.json")) {
      assertThat(events).hasSize(26);
    }
    for (ObjectNode event : events) {
      record(event);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateFixtures")
  @Order(1)
  void shouldAcceptTemplateAndPartialFixturesOnceTheirPlaceholdersAreFilled(String fixture) {
    List<ObjectNode> events = OpenLineageFixtures.filledEvents(fixture);
    assertThat(events).isNotEmpty();
    for (ObjectNode event : events) {
      assertThat(OpenLineageFixtures.hasPlaceholder(event)).as(event.toString()).isFalse();
      assertThat(event.path("run").path("runId").asText()).isNotBlank();
      record(event);
    }
  }

  /**
   * The openlineage-client serde examples have an eventTime without a zone offset
   * ("2021-11-03T10:53:52.427343"). Such times are rejected by design, as Marquez does: the instant
   * they name is unknown, and guessing a zone would silently misorder runs.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "openlineage-proxy/event_no_run_id.json, run.runId",
    "marquez/event_required_no_timezone.json, eventTime",
    "compat/simple_run_event.json, run.runId",
    "openlineage-client/serde_example_run_event.json, eventTime",
    "openlineage-client/serde_example_dataset_event.json, eventTime",
    "openlineage-client/serde_example_job_event.json, eventTime"
  })
  @Order(1)
  void shouldRejectNegativeFixturesNamingTheFieldAndStoreNothing(String fixture, String field) {
    long journalBefore = projection.status().journal();

    LineageHttp.Reply reply = http.reject(OpenLineageFixtures.text(fixture));

    assertThat(reply.errorFields()).contains(field);
    assertThat(projection.status().journal()).isEqualTo(journalBefore);
  }

  /**
   * The proxy's "invalid facet" events break a facet's schema, not the core: a parent facet whose
   * run has no runId, an owner without a name. STANDARDS.md §2.2/§2.6 ask the server to keep facets
   * it cannot interpret as opaque JSON, and real producers send facet-invalid events (the Marquez
   * and proxy "full" events lack the now-required columnMetrics), so facet-level problems are not a
   * reason to reject an event: our parser only requires a facet to be a JSON object. They are
   * accepted, stored as received, and the broken part is simply not interpreted (no parent link, no
   * owner).
   */
  @Test
  @Order(1)
  void shouldAcceptFacetInvalidEventsKeepingTheFacetButNotInterpretingIt() {
    long runFacet =
        record(OpenLineageFixtures.events("openlineage-proxy/event_invalid_run_facet.json").get(0));
    long datasetFacet =
        record(
            OpenLineageFixtures.events("openlineage-proxy/event_invalid_dataset_facet.json")
                .get(0));
    http.awaitProjected(Math.max(runFacet, datasetFacet));

    String run = "<https://tessera.local/run/41fb5137-f0fd-4ee5-ba5c-56f8571d1bd7>";
    assertThat(ask("ASK { " + run + " tess:facet [ tess:facetName \"parent\" ] }")).isTrue();
    assertThat(ask("ASK { " + run + " dct:isPartOf ?parent }")).isFalse();
    String dataset =
        "?ds tess:olNamespace \"my-datasource-namespace\" ; tess:olName \"instance.schema.output-1\"";
    assertThat(ask("ASK { " + dataset + " ; tess:facet [ tess:facetName \"ownership\" ] }"))
        .isTrue();
    assertThat(ask("ASK { " + dataset + " ; prov:wasAttributedTo ?owner }")).isFalse();
  }

  @Test
  @Order(2)
  void shouldProjectTheAirflowBigQueryDagIntoTheEdgesItsEventsDescribe() {
    List<ObjectNode> events = scenario(AIRFLOW);
    Map<String, Io> expected = datasetEdges(events);
    assertThat(expected)
        .containsOnlyKeys(
            "job:airflow:BQ",
            "job:airflow:BQ.upload",
            "job:airflow:BQ.copy",
            "job:airflow:BQ.download");
    assertThat(expected.get("job:airflow:BQ.upload"))
        .isEqualTo(
            new Io(
                Set.of("dataset:gs://mock-bucket:copied.csv", "dataset:gs://mock-bucket:test.csv"),
                Set.of("dataset:bigquery:mock-project.test.upload")));

    expected.forEach(this::assertJobEdges);
    JsonNode upstream = http.lineage("dataset:gs://mock-bucket:result.csv", 10, "upstream");
    assertThat(LineageHttp.nodesById(upstream).keySet())
        .containsExactlyInAnyOrder(
            "dataset:gs://mock-bucket:result.csv",
            "job:airflow:BQ.download",
            "dataset:bigquery:mock-project.test.upload_cp",
            "job:airflow:BQ.copy",
            "dataset:bigquery:mock-project.test.upload",
            "job:airflow:BQ.upload",
            "dataset:gs://mock-bucket:copied.csv",
            "dataset:gs://mock-bucket:test.csv");
    JsonNode task = LineageHttp.nodesById(upstream).get("job:airflow:BQ.upload");
    assertThat(task.path("type").asText()).isEqualTo("JOB");
    assertThat(task.path("data").path("latestRunState").asText()).isEqualTo("COMPLETE");
    // each task run is part of the DAG run (parent run facet)
    assertThat(
            ask(
                "ASK { <https://tessera.local/run/01936893-9751-7b3c-8f76-8ac6d0e5f8a3>"
                    + " dct:isPartOf <https://tessera.local/run/01936893-9751-7a91-a2a0-a51101a3970c> }"))
        .isTrue();
    // column lineage given in the legacy form (transformationType, empty transformations)
    JsonNode columns =
        http.columnLineage("dataset:bigquery:mock-project.test.upload", "a", 1, "upstream");
    assertThat(columns.path("edges").findValuesAsText("name"))
        .contains("copied.csv", "test.csv", "mock-project.test.upload");
    // the legacy free-text type becomes a DIRECT transformation with that subtype
    assertThat(columns.path("edges").findValuesAsText("transformationType")).containsOnly("DIRECT");
    assertThat(columns.path("edges").findValuesAsText("transformationSubtype"))
        .contains("IDENTITY");
  }

  @Test
  @Order(2)
  void shouldProjectTheSparkColumnLineageScenarioIntoDatasetAndColumnEdges() {
    List<ObjectNode> events = scenario(SPARK_CLL);
    Map<String, Io> expected = datasetEdges(events);
    String ctas =
        "job:testColumnLevelLineage:open_lineage_integration_create_table"
            + ".execute_create_hive_table_as_select_command.default_tbl1";
    assertThat(expected.get(ctas))
        .isEqualTo(
            new Io(
                Set.of(
                    "dataset:file:/tmp/cll_test/cll_source1",
                    "dataset:file:/tmp/cll_test/cll_source2"),
                Set.of(TBL1)));
    expected.forEach(this::assertJobEdges);

    JsonNode tbl1 = LineageHttp.nodesById(http.lineage(TBL1, 0, "both")).get(TBL1);
    assertThat(tbl1.path("data").path("fields").findValuesAsText("name"))
        .containsExactly("ident", "trans", "agg");

    // expected column edges of output field "ident", read from the columnLineage facet of 8.json
    JsonNode facet =
        OpenLineageFixtures.events(SPARK_CLL + "/8.json")
            .get(0)
            .path("outputs")
            .get(0)
            .path("facets")
            .path("columnLineage");
    List<String> expectedEdges = new ArrayList<>();
    for (JsonNode input : facet.path("fields").path("ident").path("inputFields")) {
      for (JsonNode t : input.path("transformations")) {
        expectedEdges.add(
            edge(
                input.path("namespace").asText(),
                input.path("name").asText(),
                input.path("field").asText(),
                t.path("type").asText(),
                t.path("subtype").asText()));
      }
    }
    assertThat(expectedEdges)
        .hasSize(7)
        .contains(edge("file", "/tmp/cll_test/cll_source1", "a", "DIRECT", "IDENTITY"));

    JsonNode columns = http.columnLineage(TBL1, "ident", 1, "upstream");

    List<String> actual = new ArrayList<>();
    for (JsonNode e : columns.path("edges")) {
      assertThat(e.path("to").path("namespace").asText()).isEqualTo("file");
      assertThat(e.path("to").path("name").asText()).isEqualTo("/tmp/cll_test/tbl1");
      assertThat(e.path("to").path("field").asText()).isEqualTo("ident");
      actual.add(
          edge(
              e.path("from").path("namespace").asText(),
              e.path("from").path("name").asText(),
              e.path("from").path("field").asText(),
              e.path("transformationType").asText(),
              e.path("transformationSubtype").asText()));
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expectedEdges);
    // and downstream from a source column, the same derivation is found the other way round
    assertThat(
            http.columnLineage("dataset:file:/tmp/cll_test/cll_source2", "c", 1, "downstream")
                .path("edges")
                .findValuesAsText("field"))
        .contains("agg");
  }

  @Test
  @Order(3)
  void shouldStoreTheSameEventOnceWhateverItsKeyOrder() {
    ObjectNode event = OpenLineageFixtures.events("openlineage-proxy/event_simple.json").get(0);
    ((ObjectNode) event.get("run")).put("runId", "7d2d0c43-7a36-4d5c-9a83-0f4c0f3c1a11");

    JsonNode first = http.accept(event);
    long total = totalCount();
    JsonNode again = http.accept(event);
    ObjectNode reordered = LineageHttp.JSON.createObjectNode();
    List<String> keys = new ArrayList<>();
    event.fieldNames().forEachRemaining(keys::add);
    keys.reversed().forEach(k -> reordered.set(k, event.get(k)));
    JsonNode reorderedReply = http.accept(reordered);

    assertThat(first.path("duplicate").asBoolean()).isFalse();
    assertThat(again.path("duplicate").asBoolean()).isTrue();
    assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());
    assertThat(reorderedReply.path("duplicate").asBoolean()).isTrue();
    assertThat(reorderedReply.path("id").asLong()).isEqualTo(first.path("id").asLong());
    assertThat(totalCount()).isEqualTo(total);
    accepted.put(first.path("id").asLong(), event);
  }

  @Test
  @Order(4)
  void shouldListEveryAcceptedEventAndProjectThemAllWithoutFailures() {
    assertThat(accepted).hasSizeGreaterThan(100);
    JsonNode page = http.get("/api/v1/events/lineage?limit=1000&sortDirection=asc");

    assertThat(page.path("totalCount").asLong()).isEqualTo(accepted.size());
    List<JsonNode> listed = new ArrayList<>();
    page.path("events").forEach(listed::add);
    assertThat(listed).hasSize(accepted.size());
    assertThat(listed).containsAll(accepted.values());
    List<JsonNode> newestFirst = new ArrayList<>();
    http.get("/api/v1/events/lineage?limit=2&offset=0&sortDirection=desc")
        .path("events")
        .forEach(newestFirst::add);
    assertThat(newestFirst).hasSize(2);

    http.awaitProjected(ids.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertThat(http.get("/api/v1/admin/lineage/failures")).isEmpty();
    JsonNode status = http.status();
    assertThat(status.path("failures").asInt()).isZero();
  }

  /** Posts an event, asserts 201 and remembers it. */
  private long record(ObjectNode event) {
    long id = http.accept(event).path("id").asLong();
    accepted.put(id, event);
    ids.add(id);
    return id;
  }

  /** Posts a scenario's events (again: duplicates are fine) and waits until they are projected. */
  private List<ObjectNode> scenario(String directory) {
    List<ObjectNode> events = new ArrayList<>();
    OpenLineageFixtures.jsonFiles(directory).stream()
        .map(OpenLineageFixtures::events)
        .forEach(events::addAll);
    long last = 0;
    for (ObjectNode event : events) {
      last = Math.max(last, record(event));
    }
    http.awaitProjected(last);
    return events;
  }

  /** What a job reads and writes, as node ids. */
  record Io(Set<String> inputs, Set<String> outputs) {}

  /** The dataset-level edges the events describe: per job, the datasets read and written. */
  private static Map<String, Io> datasetEdges(List<ObjectNode> events) {
    Map<String, Io> edges = new LinkedHashMap<>();
    for (ObjectNode event : events) {
      JsonNode job = event.path("job");
      String id = "job:" + job.path("namespace").asText() + ":" + job.path("name").asText();
      Io io = edges.computeIfAbsent(id, k -> new Io(new TreeSet<>(), new TreeSet<>()));
      event.path("inputs").forEach(d -> io.inputs().add(datasetId(d)));
      event.path("outputs").forEach(d -> io.outputs().add(datasetId(d)));
    }
    return edges;
  }

  private static String datasetId(JsonNode dataset) {
    return "dataset:" + dataset.path("namespace").asText() + ":" + dataset.path("name").asText();
  }

  private void assertJobEdges(String jobId, Io expected) {
    JsonNode node = LineageHttp.nodesById(http.lineage(jobId, 1, "both")).get(jobId);
    assertThat(node).as(jobId).isNotNull();
    assertThat(node.path("inEdges").findValuesAsText("origin"))
        .as("%s reads", jobId)
        .containsExactlyInAnyOrderElementsOf(expected.inputs());
    assertThat(node.path("inEdges").findValuesAsText("destination")).allMatch(jobId::equals);
    assertThat(node.path("outEdges").findValuesAsText("destination"))
        .as("%s writes", jobId)
        .containsExactlyInAnyOrderElementsOf(expected.outputs());
    assertThat(node.path("outEdges").findValuesAsText("origin")).allMatch(jobId::equals);
  }

  private static String edge(
      String namespace, String name, String field, String type, String subtype) {
    return namespace + ":" + name + "#" + field + " -" + type + "/" + subtype + "-> ident";
  }

  private long totalCount() {
    return http.get("/api/v1/events/lineage?limit=1").path("totalCount").asLong();
  }

  private boolean ask(String query) {
    return store.ask(
        QueryFactory.create(
            "PREFIX tess: <https://w3id.org/tessera/ns#>\n"
                + "PREFIX dct: <http://purl.org/dc/terms/>\n"
                + "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
                + query),
        Map.of());
  }
}
