package io.tessera.catalogserver.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.JournalEntry;
import io.tessera.lineage.LineageProjector;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What lineage signals read from a real store after the projection of a job's runs. */
class LineageSignalsTest {
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final String DATASET =
      IRIS.dataset("postgres://db:5432", "finance.public.payments");

  private static String event(String type, String runId, String time) {
    return """
        {"eventType": "%s", "eventTime": "%s",
         "producer": "https://example.com/tessera-tests",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"},
         "job": {"namespace": "finance-etl", "name": "load_payments"},
         "inputs": [],
         "outputs": [{"namespace": "postgres://db:5432", "name": "finance.public.payments"}]}
        """
        .formatted(type, time, runId);
  }

  @Test
  void shouldReadAFailedRunAfterACompleteOneNewestFirst() {
    EventParser parser = new EventParser();
    List<JournalEntry> entries = new ArrayList<>();
    for (String json :
        List.of(
            event("COMPLETE", "0196b000-0000-7000-8000-000000000001", "2026-05-01T10:00:00Z"),
            event("FAIL", "0196b000-0000-7000-8000-000000000002", "2026-05-01T11:00:00Z"))) {
      entries.add(
          new JournalEntry(
              entries.size() + 1, parser.parse(json.getBytes(StandardCharsets.UTF_8))));
    }
    try (GraphStore store =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology())) {
      LineageProjector projector =
          new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
      entries.forEach(entry -> projector.project(List.of(entry)));
      List<PortSignals.Run> runs = store.read(r -> new LineageSignals(IRIS).runs(r, DATASET));
      assertThat(runs).extracting(PortSignals.Run::state).containsExactly("FAIL", "COMPLETE");
    }
  }
}
