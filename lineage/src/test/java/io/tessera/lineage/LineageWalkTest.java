package io.tessera.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lineage walk on an on-disk TDB2 store: a hub ({@code raw.events}) read by {@value #FAN} jobs,
 * each writing a mart with a schema, run several times (START, COMPLETE, FAIL, equal times); one
 * mart's schema changed (two versions); a chain of jobs below the first mart and an ingest job
 * above the hub. Every walk answers what the walk on decoded triples ({@link ReferenceLineage})
 * answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageWalkTest {
  private static final IriMinter IRIS = new IriMinter("https://catalog.example");
  private static final String NS = "postgres://warehouse:5432";
  private static final String JOBS = "airflow";
  private static final int FAN = 40;
  private static final int CHAIN = 6;

  @TempDir Path dir;
  private GraphStore store;
  private LineageQueries queries;
  private ReferenceLineage reference;
  private final List<NodeId> nodes = new ArrayList<>();

  @BeforeAll
  void project() {
    store =
        new TdbGraphStore(
            new GraphStoreConfig(dir, Duration.ofSeconds(30), IRIS.vocabularyGraph()),
            new TesseraOntology());
    queries = new LineageQueries(store, IRIS);
    reference = new ReferenceLineage(store);
    LineageProjector projector =
        new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
    List<String> events = new ArrayList<>();
    events.add(
        event(
            "COMPLETE", 1, "10:00:00", "ingest", "source", "raw.events", "id:BIGINT,at:TIMESTAMP"));
    for (int i = 1; i <= FAN; i++) {
      String columns = "id:BIGINT,amount:DECIMAL(18,2),status:VARCHAR(32)";
      events.add(event("START", 100 + i, "11:00:00", "fan_" + i, "raw.events", "mart_" + i, null));
      events.add(
          event("COMPLETE", 100 + i, "11:05:00", "fan_" + i, "raw.events", "mart_" + i, columns));
      if (i % 3 == 0) {
        // a later run that failed
        events.add(event("FAIL", 200 + i, "12:00:00", "fan_" + i, "raw.events", "mart_" + i, null));
      }
      if (i % 4 == 0) {
        // two runs modified at the same moment
        events.add(
            event("COMPLETE", 300 + i, "13:00:00", "fan_" + i, "raw.events", "mart_" + i, null));
        events.add(
            event("ABORT", 400 + i, "13:00:00", "fan_" + i, "raw.events", "mart_" + i, null));
      }
    }
    // the first mart's schema changes: a second version is current
    events.add(
        event(
            "COMPLETE",
            500,
            "14:00:00",
            "fan_1",
            "raw.events",
            "mart_1",
            "status:VARCHAR(64),id:BIGINT,note:TEXT"));
    String previous = "mart_1";
    for (int c = 1; c <= CHAIN; c++) {
      events.add(
          event(
              "COMPLETE", 600 + c, "15:00:00", "chain_" + c, previous, "chain_out_" + c, "x:INT"));
      previous = "chain_out_" + c;
    }
    List<JournalEntry> entries = new ArrayList<>();
    EventParser parser = new EventParser();
    for (String json : events) {
      entries.add(
          new JournalEntry(
              entries.size() + 1, parser.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
    projector.project(entries.subList(0, entries.size() / 2));
    projector.project(entries.subList(entries.size() / 2, entries.size()));

    nodes.add(NodeId.dataset(NS, "source"));
    nodes.add(NodeId.dataset(NS, "raw.events"));
    nodes.add(NodeId.job(JOBS, "ingest"));
    for (int i = 1; i <= FAN; i++) {
      nodes.add(NodeId.job(JOBS, "fan_" + i));
      nodes.add(NodeId.dataset(NS, "mart_" + i));
    }
    for (int c = 1; c <= CHAIN; c++) {
      nodes.add(NodeId.job(JOBS, "chain_" + c));
      nodes.add(NodeId.dataset(NS, "chain_out_" + c));
    }
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void shouldAnswerEveryWalkAsTheWalkOnDecodedTriples() {
    int walks = 0;
    for (NodeId start : nodes) {
      for (Direction direction : Direction.values()) {
        for (int depth : new int[] {0, 1, 3, 20}) {
          for (int limit : new int[] {1, 7, 1000}) {
            assertThat(queries.lineage(start, depth, direction, limit))
                .as("%s %s depth %d limit %d", start.value(), direction, depth, limit)
                .isEqualTo(reference.lineage(iri(start), depth, direction, limit));
            walks++;
          }
        }
      }
    }
    assertThat(walks).isEqualTo(nodes.size() * 3 * 4 * 3);
  }

  @Test
  void shouldAnswerAnUnknownStartAsBefore() {
    NodeId unknown = NodeId.job(JOBS, "never_ran");

    assertThat(queries.lineage(unknown, 5, Direction.BOTH))
        .isEqualTo(reference.lineage(iri(unknown), 5, Direction.BOTH, 1000));
  }

  @Test
  void shouldKeepColumnsRunStatesAndTheLimitDownstreamOfTheHub() {
    LineageGraph graph =
        queries.lineage(NodeId.dataset(NS, "raw.events"), 5, Direction.DOWNSTREAM, 50);

    assertThat(graph.graph()).hasSize(50);
    assertThat(graph.truncated()).isTrue();
    LineageGraph.Node mart1 = node(graph, "dataset:" + NS + ":mart_1");
    // the current (second) schema version, by ordinal
    assertThat(mart1.data().fields())
        .containsExactly(
            new LineageGraph.Column("status", "VARCHAR(64)"),
            new LineageGraph.Column("id", "BIGINT"),
            new LineageGraph.Column("note", "TEXT"));
    assertThat(node(graph, "dataset:" + NS + ":mart_2").data().fields())
        .extracting(LineageGraph.Column::name)
        .containsExactly("id", "amount", "status");
    assertThat(node(graph, "job:" + JOBS + ":fan_2").data().latestRunState()).isEqualTo("COMPLETE");
    assertThat(node(graph, "job:" + JOBS + ":fan_3").data().latestRunState()).isEqualTo("FAIL");
    assertThat(node(graph, "job:" + JOBS + ":fan_1").data().description()).isEqualTo("Step fan_1");
  }

  private static LineageGraph.Node node(LineageGraph graph, String id) {
    return graph.graph().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  private static Node iri(NodeId id) {
    return NodeFactory.createURI(
        id.kind() == NodeId.Kind.DATASET
            ? IRIS.dataset(id.namespace(), id.name())
            : IRIS.job(id.namespace(), id.name()));
  }

  private static String event(
      String type, int run, String time, String job, String input, String output, String columns) {
    String facets = "";
    if (columns != null) {
      StringBuilder fields = new StringBuilder();
      for (String column : columns.split(",(?=[a-z])")) {
        int colon = column.indexOf(':');
        fields
            .append(fields.isEmpty() ? "" : ",")
            .append(
                "{\"name\":\"%s\",\"type\":\"%s\"}"
                    .formatted(column.substring(0, colon), column.substring(colon + 1)));
      }
      facets =
          "\"facets\":{\"schema\":{\"_producer\":\"x\",\"_schemaURL\":\"y\",\"fields\":["
              + fields
              + "]}}";
    }
    return """
        {"eventType":"%s","eventTime":"2026-11-21T%sZ","producer":"https://example.com/test",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"01934a57-0000-7000-8000-%012d"},
         "job":{"namespace":"%s","name":"%s","facets":{"documentation":{"_producer":"x",
           "_schemaURL":"y","description":"Step %s"}}},
         "inputs":[{"namespace":"%s","name":"%s"}],
         "outputs":[{"namespace":"%s","name":"%s"%s}]}
        """
        .formatted(
            type,
            time,
            run,
            JOBS,
            job,
            job,
            NS,
            input,
            NS,
            output,
            facets.isEmpty() ? "" : "," + facets);
  }
}
