package io.tessera.lineage;

import static io.tessera.lineage.LineageProjectorTest.event;
import static io.tessera.lineage.LineageProjectorTest.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.DCAT3;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TesseraOntology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/**
 * A batch builds a job or dataset that several of its events describe identically only once; the
 * graphs must still be those that projecting every event in its own transaction writes.
 */
class ProjectionBatchTest {
  private static final IriMinter IRIS = LineageProjectorTest.IRIS;
  private static final String DROP =
      "\"lifecycleStateChange\":{\"_producer\":\"x\",\"_schemaURL\":\"y\","
          + "\"lifecycleStateChange\":\"DROP\"}";

  @Test
  void shouldWriteTheSameGraphsWhateverTheBatchBoundaries() {
    List<String> events =
        List.of(
            event("START", run(1), "2026-03-01T10:00:00Z", schema("id:BIGINT")),
            event("COMPLETE", run(1), "2026-03-01T10:05:00Z", schema("id:BIGINT")),
            // the schema widens, then narrows again: two new versions, each with its changes
            event("START", run(2), "2026-03-02T10:00:00Z", schema("id:BIGINT", "total:DECIMAL")),
            event("COMPLETE", run(2), "2026-03-02T10:05:00Z", schema("id:BIGINT")),
            // the job's description changes and changes back
            event("START", run(3), "2026-03-03T10:00:00Z", schema("id:BIGINT"))
                .replace("Loads orders", "Loads every order"),
            event("COMPLETE", run(3), "2026-03-03T10:05:00Z", schema("id:BIGINT")),
            // two runs drop the dataset with the same facets: each is recorded as invalidating it
            event("COMPLETE", run(4), "2026-03-04T10:05:00Z", schema("id:BIGINT") + "," + DROP),
            event("COMPLETE", run(5), "2026-03-05T10:05:00Z", schema("id:BIGINT") + "," + DROP),
            event("COMPLETE", run(6), "2026-03-06T10:05:00Z", schema("id:BIGINT")));

    Map<String, Graph> together = project(events, events.size());
    Map<String, Graph> apart = project(events, 1);

    assertThat(together.keySet()).isEqualTo(apart.keySet());
    together.forEach(
        (name, graph) ->
            assertThat(graph.isIsomorphicWith(apart.get(name)))
                .as("graph %s: one batch %s, one event per batch %s", name, graph, apart.get(name))
                .isTrue());
    String orders = IRIS.dataset(LineageProjectorTest.PG, "shop.public.orders");
    Graph dataset = together.get(IRIS.datasetGraph(LineageProjectorTest.PG, "shop.public.orders"));
    assertThat(
            dataset
                .find(NodeFactory.createURI(orders), PROV.wasInvalidatedBy.asNode(), null)
                .toList())
        .hasSize(2);
    assertThat(dataset.find(null, DCAT3.version.asNode(), null).toList()).hasSize(3);
  }

  private static String run(int n) {
    return "0190f1a2-3b4c-7d5e-8f60-%012d".formatted(n);
  }

  /** Projects the events into a fresh store in batches of the given size; its lineage graphs. */
  private static Map<String, Graph> project(List<String> events, int batchSize) {
    GraphStore store =
        new TdbGraphStore(GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology());
    try {
      LineageProjector projector =
          new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
      EventParser parser = new EventParser();
      List<JournalEntry> batch = new ArrayList<>();
      long position = 0;
      for (String json : events) {
        batch.add(
            new JournalEntry(++position, parser.parse(json.getBytes(StandardCharsets.UTF_8))));
        if (batch.size() == batchSize) {
          projector.project(batch);
          batch = new ArrayList<>();
        }
      }
      if (!batch.isEmpty()) {
        projector.project(batch);
      }
      return store.read(
          r -> {
            Map<String, Graph> graphs = new TreeMap<>();
            for (String name : r.graphNames(IRIS.lineageGraphPrefix())) {
              if (!name.equals(IRIS.lineageStateGraph())) {
                graphs.put(name, r.graph(name));
              }
            }
            return graphs;
          });
    } finally {
      store.close();
    }
  }
}
