package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tessera.graphstore.GraphStore;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the graph store automatically. TDB2 appends every change and never reclaims old blocks,
 * and the lineage projection rewrites graphs with every batch (tens of KB of files per event), so a
 * server taking a steady stream of events grows without bound unless compacted.
 *
 * <p>Every {@code tessera.graph.compact-check} ({@code TESSERA_GRAPH_COMPACT_CHECK}, default {@code
 * 1m}) the store's files are measured; it is compacted once they have grown to {@code
 * tessera.graph.compact-growth} times ({@code TESSERA_GRAPH_COMPACT_GROWTH}, default 2, 0 turns the
 * automatic compaction off) their size after the last compaction (or at start-up), and by at least
 * {@code tessera.graph.compact-min-growth} ({@code TESSERA_GRAPH_COMPACT_MIN_GROWTH}, default
 * {@code 64MB}). {@code tessera.graph.compact-every} ({@code TESSERA_GRAPH_COMPACT_EVERY}, e.g.
 * {@code 6h}; off by default) also compacts once that long has passed since the last compaction, at
 * the next check.
 *
 * <p>A compaction copies the live data into a new generation and deletes the old one (so it needs
 * the live size free once more on disk). Reads go on meanwhile and wait only for the switch to the
 * new files; a write transaction (a descriptor apply, a projection batch) waits until the
 * compaction has finished and then applies to the new generation: none is lost. HTTP ingest does
 * not wait, since events are journalled in the database and projected after.
 */
@Singleton
public class GraphCompaction {
  private static final Logger LOG = LoggerFactory.getLogger(GraphCompaction.class);

  private final GraphStore store;
  private final double growth;
  private final long minGrowth;
  private final AtomicReference<GraphStore.Compaction> last = new AtomicReference<>();
  private final Duration every;
  private volatile long baseline = -1;
  private volatile long lastAt = System.nanoTime();

  public GraphCompaction(
      GraphStore store,
      @Value("${tessera.graph.compact-growth:2}") double growth,
      @ReadableBytes @Value("${tessera.graph.compact-min-growth:64MB}") long minGrowth,
      @Value("${tessera.graph.compact-every:0s}") Duration every) {
    if (growth != 0 && growth <= 1) {
      throw new IllegalArgumentException(
          "tessera.graph.compact-growth (TESSERA_GRAPH_COMPACT_GROWTH) must be above 1, or 0 for"
              + " off: "
              + growth);
    }
    this.store = store;
    this.growth = growth;
    this.minGrowth = minGrowth;
    this.every = every;
  }

  /**
   * Compacts when the store has grown enough since the last compaction (or start-up), or when the
   * fixed interval has passed.
   */
  @Scheduled(
      fixedDelay = "${tessera.graph.compact-check:1m}",
      initialDelay = "${tessera.graph.compact-check:1m}")
  void compactIfGrown() {
    if (!every.isZero() && System.nanoTime() - lastAt >= every.toNanos()) {
      LOG.info("graph store compaction every {}: compacting", every);
      compact();
      return;
    }
    if (growth == 0) {
      return;
    }
    long size = diskUse();
    if (baseline < 0) {
      baseline = size;
      return;
    }
    if (grownEnough(baseline, size, growth, minGrowth)) {
      LOG.info(
          "graph store grew from {} MB to {} MB since the last compaction: compacting",
          baseline / 1_000_000,
          size / 1_000_000);
      compact();
    }
  }

  /**
   * Whether a store of {@code size} bytes has grown enough since {@code baseline} to be compacted:
   * to {@code growth} times the baseline and by at least {@code minGrowth} bytes.
   */
  static boolean grownEnough(long baseline, long size, double growth, long minGrowth) {
    return size >= baseline * growth && size - baseline >= minGrowth;
  }

  /**
   * Compacts now (also what the schedule calls); a failure is logged and leaves the store as is.
   */
  public synchronized void compact() {
    try {
      GraphStore.Compaction done = store.compact();
      last.set(done);
      baseline = done.bytesAfter();
      lastAt = System.nanoTime();
      LOG.info(
          "graph store compacted from {} MB to {} MB in {} ms",
          done.bytesBefore() / 1_000_000,
          done.bytesAfter() / 1_000_000,
          done.took().toMillis());
    } catch (RuntimeException e) {
      LOG.error("graph store compaction failed; the store keeps its current files", e);
    }
  }

  /** The last compaction, if one ran. */
  public Optional<GraphStore.Compaction> last() {
    return Optional.ofNullable(last.get());
  }

  private long diskUse() {
    try {
      return store.diskUse();
    } catch (RuntimeException e) {
      LOG.warn("cannot measure the graph store's files", e);
      return 0;
    }
  }
}
