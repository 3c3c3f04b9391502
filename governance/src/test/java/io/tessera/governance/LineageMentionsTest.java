package io.tessera.governance;

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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which jobs write and read which datasets, kept from the change feed of a real TDB2 store that the
 * production projector writes to, and which changes matter to cached scopes.
 */
class LineageMentionsTest {
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final String NS = "postgres://db:5432";

  private GraphStore store;
  private LineageProjector projector;
  private LineageMentions mentions;
  private final EventParser parser = new EventParser();
  private long position;

  @BeforeEach
  void openStore() {
    store =
        new TdbGraphStore(
            new GraphStoreConfig(null, Duration.ofSeconds(30), IRIS.vocabularyGraph()),
            new TesseraOntology());
    projector = new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
    mentions = new LineageMentions(store, IRIS);
    store.subscribe(mentions);
  }

  @AfterEach
  void closeStore() throws Exception {
    store.close();
  }

  @Test
  void shouldKnowTheJobsThatWriteAndReadEachDataset() {
    run("0195d1c2-0000-7000-8000-000000000001", "load_orders", "raw.orders", "sales.orders");
    run("0195d1c2-0000-7000-8000-000000000002", "daily_revenue", "sales.orders", "sales.revenue");

    assertThat(mentions.writersOf(Set.of(dataset("sales.orders"))))
        .containsExactly(IRIS.jobGraph("airflow", "load_orders"));
    assertThat(mentions.jobsMentioning(Set.of(dataset("sales.orders"))))
        .containsExactlyInAnyOrder(
            IRIS.jobGraph("airflow", "load_orders"), IRIS.jobGraph("airflow", "daily_revenue"));
    assertThat(mentions.writersOf(Set.of(dataset("raw.orders")))).isEmpty();
  }

  @Test
  void shouldReportOnlyTheDatasetsWhoseWritersChanged() {
    run("0195d1c2-0000-7000-8000-000000000001", "load_orders", "raw.orders", "sales.orders");
    long first = mentions.version();

    // a re-run with the same inputs and outputs changes nothing
    run("0195d1c2-0000-7000-8000-000000000003", "load_orders", "raw.orders", "sales.orders");
    LineageMentions.Since rerun = mentions.changesSince(first);
    assertThat(rerun.version()).isEqualTo(first);
    assertThat(rerun.written()).isEmpty();

    // a job that starts writing another dataset: only that dataset is reported
    run("0195d1c2-0000-7000-8000-000000000004", "load_orders", "raw.orders", "sales.orders_v2");
    run("0195d1c2-0000-7000-8000-000000000005", "read_only", "sales.orders", "tmp.scratch");
    LineageMentions.Since later = mentions.changesSince(first);
    assertThat(later.version()).isGreaterThan(first);
    assertThat(later.written())
        .containsExactlyInAnyOrder(dataset("sales.orders_v2"), dataset("tmp.scratch"));
    assertThat(mentions.writersOf(Set.of(dataset("sales.orders_v2"))))
        .containsExactly(IRIS.jobGraph("airflow", "load_orders"));

    // before the first full read, what changed is not known
    assertThat(mentions.changesSince(-1).written()).isNull();
  }

  private String dataset(String name) {
    return IRIS.datasetGraph(NS, name);
  }

  private void run(String runId, String job, String input, String output) {
    String event =
        """
        {"eventType": "COMPLETE", "eventTime": "2026-11-20T06:00:00Z",
         "producer": "https://example.com/tessera-tests",
         "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"}, "job": {"namespace": "airflow", "name": "%s"},
         "inputs": [{"namespace": "%s", "name": "%s"}],
         "outputs": [{"namespace": "%s", "name": "%s"}]}"""
            .formatted(runId, job, NS, input, NS, output);
    projector.project(
        List.of(
            new JournalEntry(++position, parser.parse(event.getBytes(StandardCharsets.UTF_8)))));
  }
}
