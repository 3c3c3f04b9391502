package io.tessera.lineage;

import static io.tessera.lineage.LineageProjectorTest.IRIS;
import static io.tessera.lineage.LineageProjectorTest.PG;
import static io.tessera.lineage.LineageProjectorTest.event;
import static io.tessera.lineage.LineageProjectorTest.schema;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TesseraOntology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal → projection → graph path without a server: events in an in-memory {@link
 * EventJournal} are projected by the background {@link LineageProjection} into a real TDB2 store.
 */
class LineageProjectionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final MemoryJournal journal = new MemoryJournal();
  private GraphStore store;
  private ProductRepository products;
  private LineageProjector projector;
  private LineageProjection projection;

  @BeforeEach
  void open() {
    store =
        new TdbGraphStore(GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology());
    products = new ProductRepository(store, IRIS);
    projector = new LineageProjector(store, products, IRIS);
    DomainRepository domains = new DomainRepository(store, IRIS);
    store.write(
        w -> {
          domains.put(w, new Domain("sales", "Sales", null, "mailto:s@example.com", null, 1));
          products.put(w, ordersPromising(new DatasetRef(PG, "shop.public.orders")));
        });
    projection = new LineageProjection(journal, projector, new EventParser(), 20_000);
  }

  @AfterEach
  void close() throws InterruptedException {
    projection.stop();
    store.close();
  }

  @Test
  void shouldProjectJournaledEventsAndTurnThePromisedProductPhysical() throws Exception {
    String run = "0190f1a2-3b4c-7d5e-8f60-000000000201";
    long last =
        journal.append(
            event("START", run, "2026-03-01T10:00:00Z", schema("id:BIGINT")),
            event("COMPLETE", run, "2026-03-01T10:05:00Z", schema("id:BIGINT")));
    projection.signal(last);

    assertThat(projection.awaitProjected(last, WAIT)).isTrue();
    assertThat(projection.status().projected()).isEqualTo(2);
    assertThat(projection.status().journal()).isEqualTo(2);
    assertThat(projection.status().failures()).isZero();
    assertThat(products.find("sales", "orders").orElseThrow().physical()).isTrue();
    assertThat(projector.position()).isEqualTo(2);
  }

  @Test
  void shouldRebuildTheLineageGraphsFromTheWholeJournal() throws Exception {
    String run = "0190f1a2-3b4c-7d5e-8f60-000000000202";
    long last = journal.append(event("COMPLETE", run, "2026-03-01T10:05:00Z", schema("id:BIGINT")));
    projection.signal(last);
    assertThat(projection.awaitProjected(last, WAIT)).isTrue();
    LineageQueries queries = new LineageQueries(store, IRIS);
    int nodes =
        queries.lineage(NodeId.job("airflow", "etl.orders"), 1, Direction.BOTH).graph().size();

    assertThat(projection.rebuild()).isTrue();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (projection.status().rebuilding() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(projection.status().rebuilding()).isFalse();
    assertThat(projection.status().projected()).isEqualTo(last);
    assertThat(queries.lineage(NodeId.job("airflow", "etl.orders"), 1, Direction.BOTH).graph())
        .hasSize(nodes);
  }

  @Test
  void shouldHoldNewEventsWhileAnAcknowledgedEventWaitsLongerThanTheLagBound() throws Exception {
    projection.stop();
    projection =
        new LineageProjection(
            journal, projector, new EventParser(), 20_000, Duration.ofMillis(200));
    journal.hold(true);
    String run = "0190f1a2-3b4c-7d5e-8f60-000000000203";
    long last = journal.append(event("START", run, "2026-03-01T10:00:00Z", schema("id:BIGINT")));
    projection.signal(last);
    assertThat(projection.awaitRoom(Duration.ZERO))
        .as("one event, just acknowledged: below both bounds")
        .isTrue();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (projection.status().lagMillis() < 200 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    // one event in the backlog, far below max-backlog, but older than the lag bound
    assertThat(projection.status().lagMillis()).isGreaterThanOrEqualTo(200);
    assertThat(projection.awaitRoom(Duration.ofMillis(100))).isFalse();

    journal.hold(false);
    projection.signal();
    assertThat(projection.awaitRoom(WAIT)).isTrue();
    assertThat(projection.awaitProjected(last, WAIT)).isTrue();
    assertThat(projection.status().lagMillis()).isZero();
    assertThat(projector.position()).isEqualTo(last);
  }

  private static Product ordersPromising(DatasetRef dataset) {
    return new Product(
        "sales",
        "orders",
        "Orders",
        null,
        null,
        "mailto:s@example.com",
        Lifecycle.BUILD,
        List.of(),
        List.of(),
        List.of(new Port("orders-table", PortType.TABLE, null, dataset, null, List.of(), null)),
        List.of(),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }

  /** A journal in memory: positions 1, 2, 3, ... */
  private static final class MemoryJournal implements EventJournal {
    private final List<StoredEvent> events = new ArrayList<>();
    private final List<Long> failed = new ArrayList<>();
    private boolean held;

    /** While held, the journal hands the projection nothing to project. */
    synchronized void hold(boolean hold) {
      held = hold;
    }

    synchronized long append(String... payloads) {
      for (String json : payloads) {
        events.add(new StoredEvent(events.size() + 1, json.getBytes(StandardCharsets.UTF_8)));
      }
      return events.size();
    }

    @Override
    public synchronized List<StoredEvent> after(long position, int limit) {
      if (held) {
        return List.of();
      }
      return events.stream().filter(e -> e.position() > position).limit(limit).toList();
    }

    @Override
    public synchronized long lastPosition() {
      return events.size();
    }

    @Override
    public synchronized void recordFailure(long position, String message) {
      failed.add(position);
    }

    @Override
    public synchronized int failureCount() {
      return failed.size();
    }

    @Override
    public synchronized void clearFailures() {
      failed.clear();
    }
  }
}
