package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tessera.graphstore.GraphStore;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the graph store every {@code tessera.graph.compact-every} ({@code
 * TESSERA_GRAPH_COMPACT_EVERY}, e.g. {@code 6h}; off unless set). TDB2 appends every change and
 * never reclaims old blocks, and the lineage projection changes graphs with every batch (about 90
 * KB of files per event), so a server taking a steady stream of events needs it. Reads and writes
 * go on during a compaction; a write waits only while the store switches to the new files.
 */
@Singleton
@Requires(property = "tessera.graph.compact-every")
public class GraphCompaction {
  private static final Logger LOG = LoggerFactory.getLogger(GraphCompaction.class);

  private final GraphStore store;
  private final AtomicReference<GraphStore.Compaction> last = new AtomicReference<>();

  public GraphCompaction(GraphStore store) {
    this.store = store;
  }

  @Scheduled(
      fixedDelay = "${tessera.graph.compact-every}",
      initialDelay = "${tessera.graph.compact-every}")
  void compact() {
    try {
      GraphStore.Compaction done = store.compact();
      last.set(done);
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
}
