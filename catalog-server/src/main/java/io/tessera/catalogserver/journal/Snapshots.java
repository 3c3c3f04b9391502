package io.tessera.catalogserver.journal;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.cluster.Leadership;
import io.tessera.catalogserver.persistence.CatalogJournal;
import io.tessera.catalogserver.persistence.GraphSnapshots;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of this node's graph, kept in the relational database so that a new node starts from
 * the newest one and applies only the journal entries after it (see {@code
 * wiring/GraphStoreFactory}), and the catalog journal's retention: entries older than {@code
 * tessera.cluster.journal-retention} (empty: kept for ever) and covered by the oldest kept snapshot
 * are dropped. On PostgreSQL the elected leader takes a snapshot every {@code
 * tessera.cluster.snapshot-interval} (6 h by default; on H2, one node, only on request). The newest
 * {@code tessera.cluster.snapshots-kept} (2) are kept.
 */
@Singleton
public class Snapshots {
  private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

  private final GraphSnapshots snapshots;
  private final GraphStore store;
  private final LineageProjection lineage;
  private final JournaledWrites writes;
  private final CatalogJournal journal;
  private final Path dataDir;
  private final Duration retention;
  private final int kept;
  private final Clock clock;
  private final Leadership leadership;

  public Snapshots(
      GraphSnapshots snapshots,
      GraphStore store,
      LineageProjection lineage,
      JournaledWrites writes,
      CatalogJournal journal,
      TesseraConfig config,
      @Value("${tessera.cluster.journal-retention:}") String retention,
      @Value("${tessera.cluster.snapshots-kept:2}") int kept,
      Clock clock,
      Leadership leadership) {
    this.leadership = leadership;
    this.snapshots = snapshots;
    this.store = store;
    this.lineage = lineage;
    this.writes = writes;
    this.journal = journal;
    this.dataDir = config.dataDir();
    this.retention = retention == null || retention.isBlank() ? null : Duration.parse(retention);
    this.kept = Math.max(1, kept);
    this.clock = clock;
  }

  /** Takes a snapshot of this node's graph now, keeps the newest, applies the retention. */
  public GraphSnapshots.Snapshot take() {
    // positions read before the snapshot's own read transaction: at most what it holds, so the
    // retention never drops an entry the snapshot lacks
    long catalogPosition = writes.position();
    long lineagePosition = lineage.status().projected();
    Path file = null;
    try {
      Files.createDirectories(dataDir);
      file = Files.createTempFile(dataDir, "snapshot-", ".patch.gz");
      long started = System.nanoTime();
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 65_536)) {
        store.snapshot(out);
      }
      GraphSnapshots.Snapshot saved =
          snapshots.save(clock.instant(), writes.node(), catalogPosition, lineagePosition, file);
      LOG.info(
          "snapshot {} taken at catalog journal position {} and lineage position {}: {} bytes in"
              + " {} ms",
          saved.id(),
          catalogPosition,
          lineagePosition,
          saved.bytes(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      int pruned = snapshots.prune(kept);
      if (retention != null) {
        long covered =
            snapshots.list().stream()
                .mapToLong(GraphSnapshots.Snapshot::catalogPosition)
                .min()
                .orElse(0);
        int dropped = snapshots.dropJournal(covered, clock.instant().minus(retention));
        if (dropped > 0 || pruned > 0) {
          LOG.info(
              "retention: {} catalog journal entries and {} old snapshots dropped",
              dropped,
              pruned);
        }
      }
      return saved;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take a snapshot", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.debug("cannot delete {}", file, e);
        }
      }
    }
  }

  @Scheduled(
      fixedDelay = "${tessera.cluster.snapshot-interval:6h}",
      initialDelay = "${tessera.cluster.snapshot-interval:6h}")
  void scheduled() {
    if (!journal.postgres() || !leadership.leading()) {
      return;
    }
    try {
      take();
    } catch (RuntimeException e) {
      LOG.warn("could not take the scheduled snapshot: {}", e.getMessage());
    }
  }
}
