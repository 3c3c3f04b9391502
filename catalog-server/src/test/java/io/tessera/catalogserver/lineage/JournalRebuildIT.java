package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.JournalEntry;
import io.tessera.lineage.LineageProjection;
import io.tessera.lineage.LineageProjector;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.RequiresSharedCorpus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The lineage graphs are derived from the journal: rebuilding them from it gives the same graphs,
 * graph by graph. The journal holds real producer events (Airflow, Spark, Marquez, dbt) and a
 * breaking schema change of a dataset a job was seen reading, whose recorded impact must survive
 * the replay. The events of that change are awaited one by one while ingesting, so the graphs
 * before the rebuild do not depend on how the background projection happened to batch them.
 */
@RequiresSharedCorpus
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalRebuildIT implements TestPropertyProvider {
  private static final String LINEAGE_GRAPHS = "https://tessera.local/graph/lineage/";
  private static final Duration REBUILD_DEADLINE = Duration.ofSeconds(5);

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject GraphStore store;
  @Inject IriMinter iris;

  @Inject LineageJournal journal;
  @Inject LineageProjector projector;
  @Inject EventParser parser;

  private LineageHttp http;
  private final Set<Long> ids = new TreeSet<>();
  private Map<String, Graph> before;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-journal-rebuild-it");
  }

  @BeforeAll
  void ingest() {
    http = new LineageHttp(server.getURI(), projection);
    assertThat(LINEAGE_GRAPHS).isEqualTo(iris.lineageGraphPrefix());
    List<ObjectNode> events = new ArrayList<>();
    for (String dir : List.of("compat/airflow-bq-dag", "compat/spark-cll")) {
      OpenLineageFixtures.jsonFiles(dir).forEach(f -> events.addAll(OpenLineageFixtures.events(f)));
    }
    events.addAll(OpenLineageFixtures.events("marquez/event_full.json"));
    events.addAll(OpenLineageFixtures.events("openlineage-client/example_full_event.json"));
    events.addAll(OpenLineageFixtures.events("marquez/event_dataset_event.json"));
    events.addAll(OpenLineageFixtures.events("marquez/event_job_event.json"));
    events.addAll(OpenLineageFixtures.filledEvents("dbt/postgres_failed_run_ol_events.json"));
    // real producer events: the projection may batch them as it likes (their graphs do not
    // depend on it; the replay test below would show it)
    long last = 0;
    for (ObjectNode event : events) {
      last = Math.max(last, accept(event));
    }
    http.awaitProjected(last);
    // a breaking schema change of a dataset a job had been seen reading (tess:impacts that job),
    // each event awaited, so that the reader is projected before the change as it would be live
    List<ObjectNode> payments =
        List.of(
            PaymentEvents.writePayments(
                "0196b000-0000-7000-8000-000000000001",
                "2026-05-01T10:00:00Z",
                PaymentEvents.field("id", "string"),
                PaymentEvents.field("note", "string")),
            PaymentEvents.event(
                "0196b000-0000-7000-8000-000000000002",
                "2026-05-01T12:00:00Z",
                "revenue_rollup",
                List.of(PaymentEvents.PAYMENTS),
                List.of("finance.public.revenue")),
            PaymentEvents.writePayments(
                "0196b000-0000-7000-8000-000000000003",
                "2026-05-02T10:00:00Z",
                PaymentEvents.field("id", "string")));
    for (ObjectNode event : payments) {
      http.awaitProjected(accept(event));
    }
    before = lineageGraphs();
    assertThat(before).hasSizeGreaterThan(20);
  }

  private long accept(ObjectNode event) {
    long id = http.accept(event).path("id").asLong();
    ids.add(id);
    return id;
  }

  /**
   * What a rebuild does, without the background loop: clear the lineage graphs and project the
   * whole journal again (in one batch, as the rebuild does with up to 500 events).
   */
  @Test
  @Order(1)
  void shouldProjectTheReplayedJournalIntoIsomorphicGraphs() {
    List<JournalEntry> entries = new ArrayList<>();
    for (LineageJournal.Stored stored : journal.stored(0, 10_000)) {
      entries.add(new JournalEntry(stored.id(), parser.parse(stored.bytes())));
    }
    assertThat(entries).hasSize(ids.size());

    projector.clear();
    projector.project(entries);

    assertIsomorphic(before, lineageGraphs());
  }

  @Test
  @Order(2)
  void shouldRebuildIsomorphicLineageGraphsThroughTheAdminEndpoint() throws InterruptedException {
    LineageHttp.Reply started =
        http.send(
            "POST", "/api/v1/admin/lineage/rebuild", null, Map.of("Accept", "application/json"));
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    JsonNode status = awaitRebuilt();

    assertThat(status.path("rebuilding").asBoolean()).as("rebuild finished: %s", status).isFalse();
    assertThat(status.path("projected").asLong()).isEqualTo(status.path("journal").asLong());
    assertThat(status.path("journal").asLong()).isEqualTo(ids.size());
    assertThat(status.path("failures").asInt()).isZero();
    assertIsomorphic(before, lineageGraphs());
    // no restart needed: the live status agrees
    JsonNode live = http.status();
    assertThat(live.path("projected").asLong()).isEqualTo(live.path("journal").asLong());
  }

  /**
   * Graphs projected by an earlier version (no layout mark, runs in graphs of their own) are
   * rebuilt from the journal when the projection starts, so an upgrade needs no manual step.
   */
  @Test
  @Order(3)
  void shouldRebuildGraphsOfAnEarlierLayoutFromTheJournalAtStartUp() throws InterruptedException {
    String runGraph =
        lineageGraphs().keySet().stream()
            .filter(g -> g.contains("/run/"))
            .findFirst()
            .orElseThrow();
    assertThat(runGraph).startsWith(LINEAGE_GRAPHS + "job/");
    String oldRunGraph =
        LINEAGE_GRAPHS + "run/" + runGraph.substring(runGraph.lastIndexOf('/') + 1);
    store.write(
        w -> {
          Graph state = w.graph(iris.lineageStateGraph());
          Graph layout = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
          state
              .find(null, io.tessera.ontology.TESS.lineageLayout.asNode(), null)
              .forEachRemaining(layout::add);
          assertThat(layout.size()).isEqualTo(1);
          w.updateGraph(
              iris.lineageStateGraph(),
              layout,
              org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
          w.addToGraph(oldRunGraph, w.graph(runGraph));
        });
    assertThat(projector.layoutCurrent()).isFalse();

    LineageProjection restarted = new LineageProjection(journal, projector, parser, 20_000);
    try {
      long deadline = System.nanoTime() + REBUILD_DEADLINE.toNanos();
      while (System.nanoTime() < deadline
          && (restarted.status().rebuilding() || !projector.layoutCurrent())) {
        Thread.sleep(50);
      }
      assertThat(restarted.status().rebuilding()).isFalse();
      assertThat(projector.layoutCurrent()).isTrue();
      assertThat(restarted.status().projected()).isEqualTo(ids.size());
      assertIsomorphic(before, lineageGraphs());
    } finally {
      restarted.stop();
    }
  }

  private static void assertIsomorphic(Map<String, Graph> expected, Map<String, Graph> actual) {
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    List<String> different = new ArrayList<>();
    expected.forEach(
        (name, graph) -> {
          Graph other = actual.get(name);
          if (!graph.isIsomorphicWith(other)) {
            different.add(
                name
                    + "\n  only before: "
                    + graph.find().filterDrop(other::contains).toList()
                    + "\n  only after: "
                    + other.find().filterDrop(graph::contains).toList());
          }
        });
    assertThat(different).as("graphs that differ after the rebuild").isEmpty();
  }

  /** Polls the status (with a deadline) until the rebuild is over and everything is projected. */
  private JsonNode awaitRebuilt() throws InterruptedException {
    long deadline = System.nanoTime() + REBUILD_DEADLINE.toNanos();
    JsonNode status = http.status();
    while (System.nanoTime() < deadline
        && (status.path("rebuilding").asBoolean()
            || status.path("projected").asLong() != status.path("journal").asLong())) {
      Thread.sleep(50);
      status = http.status();
    }
    return status;
  }

  private Map<String, Graph> lineageGraphs() {
    return store.read(
        r -> {
          Map<String, Graph> graphs = new TreeMap<>();
          for (String name : r.graphNames(LINEAGE_GRAPHS)) {
            graphs.put(name, r.graph(name));
          }
          return graphs;
        });
  }
}
