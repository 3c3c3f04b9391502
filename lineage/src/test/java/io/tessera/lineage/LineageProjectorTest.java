package io.tessera.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TesseraOntology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LineageProjectorTest {
  static final IriMinter IRIS = new IriMinter("https://catalog.example");
  static final String PG = "postgres://warehouse:5432";

  private GraphStore store;
  private ProductRepository products;
  private LineageProjector projector;
  private LineageQueries queries;
  private final EventParser parser = new EventParser();
  private final AtomicLong position = new AtomicLong();

  @BeforeEach
  void open() {
    store =
        new TdbGraphStore(GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology());
    products = new ProductRepository(store, IRIS);
    projector = new LineageProjector(store, products, IRIS);
    queries = new LineageQueries(store, IRIS);
    DomainRepository domains = new DomainRepository(store, IRIS);
    store.write(
        w -> {
          domains.put(w, new Domain("sales", "Sales", null, "mailto:s@example.com", null, 1));
          products.put(
              w,
              new Product(
                  "sales",
                  "orders",
                  "Orders",
                  null,
                  null,
                  "mailto:s@example.com",
                  Lifecycle.BUILD,
                  List.of(),
                  List.of(),
                  List.of(
                      new Port(
                          "orders-table",
                          PortType.TABLE,
                          null,
                          new DatasetRef(PG, "shop.public.orders"),
                          null,
                          List.of(),
                          null)),
                  List.of(
                      new Port(
                          "checkout",
                          PortType.TOPIC,
                          null,
                          new DatasetRef("kafka://broker:9092", "checkout"),
                          null,
                          List.of(),
                          null)),
                  List.of(),
                  null,
                  "tessera/v1",
                  1,
                  null));
        });
  }

  @AfterEach
  void close() {
    store.close();
  }

  static String event(String type, String runId, String time, String outputFacets) {
    return """
        {"eventType":"%s","eventTime":"%s","producer":"https://example.com/test",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s","facets":{"custom_thing":{"_producer":"x","_schemaURL":"y","answer":42}}},
         "job":{"namespace":"airflow","name":"etl.orders","facets":{"documentation":{"_producer":"x","_schemaURL":"y","description":"Loads orders"}}},
         "inputs":[{"namespace":"kafka://broker:9092","name":"checkout"}],
         "outputs":[{"namespace":"%s","name":"shop.public.orders","facets":{%s}}]}
        """
        .formatted(type, time, runId, PG, outputFacets);
  }

  static String schema(String... columns) {
    StringBuilder fields = new StringBuilder();
    for (String column : columns) {
      String[] parts = column.split(":");
      fields
          .append(fields.isEmpty() ? "" : ",")
          .append("{\"name\":\"%s\",\"type\":\"%s\"}".formatted(parts[0], parts[1]));
    }
    return "\"schema\":{\"_producer\":\"x\",\"_schemaURL\":\"y\",\"fields\":[" + fields + "]}";
  }

  private ProjectionResult project(String... events) {
    List<JournalEntry> entries = new ArrayList<>();
    for (String json : events) {
      entries.add(
          new JournalEntry(
              position.incrementAndGet(), parser.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
    return projector.project(entries);
  }

  @Test
  void shouldAnnounceOnlyJobsAndDatasetsWhoseDescriptionChanged() {
    List<ChangeEvent> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.subscribe(announced::addAll);
    String orders = IRIS.dataset(PG, "shop.public.orders");
    String checkout = IRIS.dataset("kafka://broker:9092", "checkout");
    String job = IRIS.job("airflow", "etl.orders");
    String first = "0190f1a2-3b4c-7d5e-8f60-000000000101";
    project(
        event("START", first, "2026-03-01T10:00:00Z", schema("id:BIGINT")),
        event("COMPLETE", first, "2026-03-01T10:05:00Z", schema("id:BIGINT")));
    assertThat(lineageChanges(announced)).containsExactlyInAnyOrder(job, orders, checkout);

    announced.clear();
    String rerun = "0190f1a2-3b4c-7d5e-8f60-000000000102";
    project(
        event("START", rerun, "2026-03-02T10:00:00Z", schema("id:BIGINT")),
        event("COMPLETE", rerun, "2026-03-02T10:05:00Z", schema("id:BIGINT")));
    assertThat(lineageChanges(announced)).isEmpty();
    assertThat(projector.position()).isEqualTo(4);

    announced.clear();
    String widened = "0190f1a2-3b4c-7d5e-8f60-000000000103";
    project(
        event("COMPLETE", widened, "2026-03-03T10:05:00Z", schema("id:BIGINT", "total:DECIMAL")));
    assertThat(lineageChanges(announced)).containsExactly(orders);

    announced.clear();
    String redocumented = "0190f1a2-3b4c-7d5e-8f60-000000000104";
    project(
        event(
                "COMPLETE",
                redocumented,
                "2026-03-04T10:05:00Z",
                schema("id:BIGINT", "total:DECIMAL"))
            .replace("Loads orders", "Loads every order"));
    assertThat(lineageChanges(announced)).containsExactly(job);
  }

  @Test
  void shouldAnnounceTheNewRunOfAnUnchangedJobButNotARepeatedEvent() {
    List<ChangeEvent> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
    String first = "0190f1a2-3b4c-7d5e-8f60-000000000201";
    project(event("COMPLETE", first, "2026-03-01T10:05:00Z", schema("id:BIGINT")));
    store.subscribe(announced::addAll);
    String failed = "0190f1a2-3b4c-7d5e-8f60-000000000202";
    String fail = event("FAIL", failed, "2026-03-02T10:05:00Z", schema("id:BIGINT"));
    project(fail);
    assertThat(lineageChanges(announced)).isEmpty();
    assertThat(announced)
        .filteredOn(c -> c.kind() == ChangeEvent.EntityKind.RUN)
        .extracting(ChangeEvent::entityIri)
        .containsExactly(IRIS.run(failed));

    announced.clear();
    project(fail);
    assertThat(announced).isEmpty();
  }

  private static List<String> lineageChanges(List<ChangeEvent> announced) {
    return announced.stream()
        .filter(
            c ->
                c.kind() == ChangeEvent.EntityKind.JOB
                    || c.kind() == ChangeEvent.EntityKind.DATASET)
        .map(ChangeEvent::entityIri)
        .distinct()
        .toList();
  }

  @Test
  void shouldBindAPlannedProductWhenARunCompletesWritingItsPromisedDataset() {
    String run = "0190f1a2-3b4c-7d5e-8f60-718293a4b5c6";
    project(event("START", run, "2026-03-01T10:00:00Z", ""));
    assertThat(products.find("sales", "orders").orElseThrow().physical()).isFalse();

    ProjectionResult result =
        project(event("COMPLETE", run, "2026-03-01T10:05:00.123456789+01:00", ""));

    assertThat(result.bound())
        .containsExactly(new ProductRepository.PortKey("sales", "orders", "orders-table"));
    Product product = products.find("sales", "orders").orElseThrow();
    assertThat(product.physicalSince()).hasToString("2026-03-01T09:05:00.123456789Z");
    assertThat(product.outputPorts().getFirst().binding().evidence()).isEqualTo(IRIS.run(run));
    assertThat(projector.position()).isEqualTo(2);
  }

  @Test
  void shouldBindAProductDeclaredAfterItsDatasetWasProduced() {
    store.subscribe(new LateBinding(store, products, IRIS));
    String run = "0190f1a2-3b4c-7d5e-8f60-00000000000a";
    project(
        event("COMPLETE", run, "2026-03-01T10:05:00Z", "")
            .replace("shop.public.orders", "shop.public.refunds"));
    Product orders = products.find("sales", "orders").orElseThrow();
    Port refunds =
        new Port(
            "refunds-table",
            PortType.TABLE,
            null,
            new DatasetRef(PG, "shop.public.refunds"),
            null,
            List.of(),
            null);

    store.write(
        w ->
            products.put(
                w,
                new Product(
                    "sales",
                    "refunds",
                    "Refunds",
                    null,
                    null,
                    orders.owner(),
                    Lifecycle.DESIGN,
                    List.of(),
                    List.of(),
                    List.of(refunds),
                    List.of(),
                    List.of(),
                    null,
                    null,
                    1,
                    null)));

    Product declared = products.find("sales", "refunds").orElseThrow();
    assertThat(declared.physical()).isTrue();
    assertThat(declared.outputPorts().getFirst().binding().evidence()).isEqualTo(IRIS.run(run));
  }

  @Test
  void shouldDetectABreakingSchemaChangeWithTheRunAndTheReadersItImpacts() {
    project(
        event(
            "COMPLETE",
            "0190f1a2-3b4c-7d5e-8f60-000000000001",
            "2026-03-01T10:00:00Z",
            schema("id:string", "amount:decimal")));
    ProjectionResult result =
        project(
            event(
                "COMPLETE",
                "0190f1a2-3b4c-7d5e-8f60-000000000002",
                "2026-03-02T10:00:00Z",
                schema("id:string", "amount:string", "currency:string")));

    assertThat(result.schemaChanges())
        .extracting(c -> c.change().kind() + " " + c.change().field() + " " + c.change().breaking())
        .containsExactly("TYPE_CHANGED amount true", "COLUMN_ADDED currency false");
    assertThat(
            queries
                .lineage(NodeId.dataset(PG, "shop.public.orders"), 0, Direction.BOTH)
                .graph()
                .getFirst()
                .data()
                .fields())
        .extracting(LineageGraph.Column::name)
        .containsExactly("id", "amount", "currency");
  }

  @Test
  void shouldWalkDatasetAndJobLineageInMarquezShape() {
    project(event("COMPLETE", "0190f1a2-3b4c-7d5e-8f60-000000000003", "2026-03-01T10:00:00Z", ""));

    LineageGraph graph =
        queries.lineage(NodeId.dataset(PG, "shop.public.orders"), 5, Direction.UPSTREAM);

    assertThat(graph.graph())
        .extracting(LineageGraph.Node::id)
        .containsExactly(
            "dataset:" + PG + ":shop.public.orders",
            "job:airflow:etl.orders",
            "dataset:kafka://broker:9092:checkout");
    assertThat(graph.graph().get(1).data().latestRunState()).isEqualTo("COMPLETE");
    assertThat(graph.graph().get(1).data().description()).isEqualTo("Loads orders");
    assertThat(queries.resolve("dataset:" + PG + ":shop.public.orders"))
        .contains(NodeId.dataset(PG, "shop.public.orders"));
    assertThat(queries.resolve("dataset:nowhere:x")).isEmpty();
  }

  @Test
  void shouldRecordColumnLineageWithTransformations() {
    String columnLineage =
        """
        "columnLineage":{"_producer":"x","_schemaURL":"y","fields":{"total":{"inputFields":[
          {"namespace":"kafka://broker:9092","name":"checkout","field":"amount",
           "transformations":[{"type":"DIRECT","subtype":"AGGREGATION","masking":false}]}]}}}
        """;
    project(
        event(
            "COMPLETE",
            "0190f1a2-3b4c-7d5e-8f60-000000000004",
            "2026-03-01T10:00:00Z",
            columnLineage));

    ColumnLineage lineage =
        queries.columnLineage(
            NodeId.dataset(PG, "shop.public.orders"), "total", 3, Direction.UPSTREAM);

    assertThat(lineage.edges())
        .containsExactly(
            new ColumnLineage.Edge(
                new ColumnLineage.Field("kafka://broker:9092", "checkout", "amount"),
                new ColumnLineage.Field(PG, "shop.public.orders", "total"),
                "DIRECT",
                "AGGREGATION"));
  }

  @Test
  void shouldReportUnownedDatasetsAndDeclaredVersusObserved() {
    String other =
        event("COMPLETE", "0190f1a2-3b4c-7d5e-8f60-000000000005", "2026-03-01T10:00:00Z", "")
            .replace("\"name\":\"shop.public.orders\"", "\"name\":\"shop.public.orders_backup\"");
    project(other);
    ObservationReports reports = new ObservationReports(store, products, IRIS);

    assertThat(reports.unownedDatasets())
        .contains(new DatasetRef(PG, "shop.public.orders_backup"))
        .doesNotContain(new DatasetRef(PG, "shop.public.orders"));
    ObservationReport report = reports.product("sales", "orders");
    assertThat(report.promisedNotProduced())
        .extracting(ObservationReport.PortStatus::port)
        .containsExactly("orders-table");
    assertThat(report.declaredInputsNotRead()).isEmpty();
    assertThat(reports.domain("sales").producedUnclaimed())
        .contains(new DatasetRef(PG, "shop.public.orders_backup"));
  }

  @Test
  void shouldRebuildTheSameGraphsWhenTheJournalIsReplayed() {
    String run = "0190f1a2-3b4c-7d5e-8f60-000000000006";
    List<String> events =
        List.of(
            event("START", run, "2026-03-01T10:00:00Z", schema("id:string")),
            event("COMPLETE", run, "2026-03-01T10:05:00Z", schema("id:string", "amount:decimal")));
    List<JournalEntry> journal = new ArrayList<>();
    for (String json : events) {
      journal.add(
          new JournalEntry(
              journal.size() + 1, parser.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
    projector.project(journal.subList(0, 1));
    projector.project(journal.subList(1, 2));
    var before = lineageGraphs();

    projector.clear();
    projector.project(journal);

    assertThat(lineageGraphs().keySet()).isEqualTo(before.keySet());
    before.forEach(
        (iri, graph) ->
            assertThat(lineageGraphs().get(iri).isIsomorphicWith(graph)).as(iri).isTrue());
  }

  private java.util.Map<String, org.apache.jena.graph.Graph> lineageGraphs() {
    return store.read(
        r -> {
          java.util.Map<String, org.apache.jena.graph.Graph> graphs = new java.util.TreeMap<>();
          for (String name : r.graphNames(IRIS.lineageGraphPrefix())) {
            graphs.put(name, r.graph(name));
          }
          return graphs;
        });
  }
}
