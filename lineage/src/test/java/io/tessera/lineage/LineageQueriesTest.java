package io.tessera.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lineage walks through a hub: a {@code raw.events} dataset read by 30 jobs ({@code fan_i}), each
 * writing {@code mart_i}, and an upstream chain {@code ingest} writing the hub from {@code source}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageQueriesTest {
  private static final IriMinter IRIS = new IriMinter("https://catalog.example");
  private static final String NS = "postgres://warehouse:5432";
  private static final int FAN = 30;
  private static final NodeId HUB = NodeId.dataset(NS, "raw.events");

  private GraphStore store;
  private LineageQueries queries;

  @BeforeAll
  void projectHub() {
    store =
        new TdbGraphStore(GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology());
    queries = new LineageQueries(store, IRIS);
    LineageProjector projector =
        new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
    EventParser parser = new EventParser();
    List<JournalEntry> entries = new ArrayList<>();
    entries.add(entry(parser, 0, "ingest", "source", "raw.events"));
    for (int i = 1; i <= FAN; i++) {
      entries.add(entry(parser, i, "fan_" + i, "raw.events", "mart_" + i));
    }
    projector.project(entries);
  }

  @AfterAll
  void close() {
    store.close();
  }

  @Test
  void shouldReturnTheWholeNeighbourhoodUntruncatedWhenItFitsTheLimit() {
    LineageGraph graph = queries.lineage(HUB, 20, Direction.BOTH, 1000);

    // hub, ingest, source, 30 readers, 30 marts
    assertThat(graph.graph()).hasSize(3 + 2 * FAN);
    assertThat(graph.truncated()).isFalse();
    assertThat(node(graph, "dataset:" + NS + ":raw.events").outEdges()).hasSize(FAN);
  }

  @Test
  void shouldStopAtTheNodeLimitNearestFirstAndSayItIsTruncated() {
    LineageGraph graph = queries.lineage(HUB, 20, Direction.BOTH, 10);

    assertThat(graph.truncated()).isTrue();
    assertThat(graph.graph()).hasSize(10);
    assertThat(graph.graph().getFirst().id()).isEqualTo("dataset:" + NS + ":raw.events");
    // the nine other nodes are one hop from the hub: its writer and readers, no mart (two hops)
    assertThat(graph.graph().subList(1, 10))
        .extracting(LineageGraph.Node::type)
        .containsOnly("JOB");
  }

  @Test
  void shouldListOnlyEdgesBetweenNodesOfTheResult() {
    LineageGraph graph = queries.lineage(HUB, 20, Direction.BOTH, 10);

    Set<String> ids = graph.graph().stream().map(LineageGraph.Node::id).collect(Collectors.toSet());
    for (LineageGraph.Node node : graph.graph()) {
      for (LineageGraph.Edge edge : node.inEdges()) {
        assertThat(ids).contains(edge.origin());
        assertThat(edge.destination()).isEqualTo(node.id());
      }
      for (LineageGraph.Edge edge : node.outEdges()) {
        assertThat(ids).contains(edge.destination());
        assertThat(edge.origin()).isEqualTo(node.id());
      }
    }
    assertThat(node(graph, "dataset:" + NS + ":raw.events").outEdges()).hasSize(8);
    assertThat(node(graph, "dataset:" + NS + ":raw.events").inEdges())
        .extracting(LineageGraph.Edge::origin)
        .containsExactly("job:airflow:ingest");
  }

  @Test
  void shouldNotCallADepthLimitTruncation() {
    LineageGraph graph = queries.lineage(HUB, 1, Direction.BOTH, 1000);

    assertThat(graph.graph()).hasSize(2 + FAN);
    assertThat(graph.truncated()).isFalse();
  }

  @Test
  void shouldNotBeTruncatedWhenTheLimitEqualsTheResult() {
    LineageGraph graph = queries.lineage(HUB, 2, Direction.UPSTREAM, 3);

    assertThat(graph.graph())
        .extracting(LineageGraph.Node::id)
        .containsExactly(
            "dataset:" + NS + ":raw.events", "job:airflow:ingest", "dataset:" + NS + ":source");
    assertThat(graph.truncated()).isFalse();
  }

  @Test
  void shouldStartMarquezsWalkFromADatasetAtTheJobThatWritesIt() {
    LineageGraph graph = queries.marquezLineage(HUB, 0, 1000);

    assertThat(graph.graph())
        .extracting(LineageGraph.Node::id)
        .containsExactlyInAnyOrder(
            "job:airflow:ingest", "dataset:" + NS + ":source", "dataset:" + NS + ":raw.events");
    assertThat(node(graph, "dataset:" + NS + ":raw.events").outEdges()).isEmpty();
    assertThat(node(graph, "dataset:" + NS + ":raw.events").inEdges()).hasSize(1);
  }

  @Test
  void shouldCountJobToJobHopsAndReachTheOtherReadersOfADataset() {
    LineageGraph marquez = queries.marquezLineage(NodeId.job("airflow", "fan_1"), 1, 1000);
    LineageGraph directed = queries.lineage(NodeId.job("airflow", "fan_1"), 1, Direction.BOTH);

    // every other reader of raw.events is one job hop away, with all it reads and writes
    // ingest and the 30 readers; source, raw.events and the 30 marts
    assertThat(marquez.graph()).hasSize((FAN + 1) + (FAN + 2));
    assertThat(marquez.truncated()).isFalse();
    assertThat(node(marquez, "job:airflow:fan_7").outEdges())
        .extracting(LineageGraph.Edge::destination)
        .containsExactly("dataset:" + NS + ":mart_7");
    assertThat(directed.graph()).hasSize(3);
  }

  @Test
  void shouldStopMarquezsWalkAtTheNodeLimitKeepingTheStartJobAndItsDatasets() {
    LineageGraph graph = queries.marquezLineage(HUB, 20, 10);

    assertThat(graph.truncated()).isTrue();
    assertThat(graph.graph().size()).isLessThanOrEqualTo(10);
    assertThat(graph.graph())
        .extracting(LineageGraph.Node::id)
        .contains(
            "job:airflow:ingest", "dataset:" + NS + ":source", "dataset:" + NS + ":raw.events");
  }

  private static LineageGraph.Node node(LineageGraph graph, String id) {
    return graph.graph().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  private static JournalEntry entry(
      EventParser parser, int i, String job, String input, String output) {
    String json =
        """
        {"eventType":"COMPLETE","eventTime":"2026-11-21T10:00:00Z","producer":"https://example.com/test",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"01934a57-0000-7000-8000-%012d"},
         "job":{"namespace":"airflow","name":"%s"},
         "inputs":[{"namespace":"%s","name":"%s"}],
         "outputs":[{"namespace":"%s","name":"%s"}]}
        """
            .formatted(i, job, NS, input, NS, output);
    return new JournalEntry(i + 1, parser.parse(json.getBytes(StandardCharsets.UTF_8)));
  }
}
