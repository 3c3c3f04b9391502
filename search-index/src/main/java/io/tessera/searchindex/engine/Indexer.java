package io.tessera.searchindex.engine;

import io.tessera.graphstore.BackgroundPriority;
import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.GraphStore;
import io.tessera.searchindex.document.EntryFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the index. Change events are queued by the committing thread (which
 * returns at once) and taken here in batches: each batch re-reads the affected aggregates from the
 * graph, replaces their documents, commits with the highest revision seen and refreshes the
 * searchers, typically within milliseconds of the graph commit. A {@code RESET} event or a
 * requested rebuild re-reads the whole graph instead.
 */
final class Indexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  private static final int MAX_BATCH = 1000;
  private static final long IDLE_COMMIT_MS = 250;
  private static final long MAX_COMMIT_MS = 1000;
  private static final long MAX_PAUSE_MS = 1000;

  /** After a long apply, pause this many times as long before the next batch. */
  private static final int PAUSE_FACTOR = 2;

  private sealed interface Task permits Changes, Rebuild, Stop {}

  private record Changes(List<ChangeEvent> events) implements Task {}

  private record Rebuild(CompletableFuture<Void> done) implements Task {}

  private record Stop() implements Task {}

  private final IndexStore store;
  private final GraphStore graph;
  private final AggregateWriter aggregates;
  private final Rebuilder rebuilder;
  private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final Object revisionLock = new Object();
  private long visibleRevision;
  private volatile boolean closed;
  private volatile boolean staleAtOpen;
  private volatile boolean needsRebuild;
  private boolean uncommitted;
  private long lastCommit = System.nanoTime();
  private long resumeAt = System.nanoTime();

  Indexer(
      IndexStore store,
      GraphStore graph,
      CatalogEntities entities,
      EntryFactory entries,
      DocumentBuilder documents) {
    this.store = store;
    this.graph = graph;
    this.aggregates = new AggregateWriter(store, entities, entries, documents);
    this.rebuilder = new Rebuilder(store, entities, entries, documents);
    this.visibleRevision = store.openedRevision();
    this.thread = Thread.ofPlatform().name("search-indexer").daemon().unstarted(this::run);
  }

  /**
   * Starts indexing. If the index on disk does not reflect the graph's current revision (behind,
   * ahead, missing or of another layout), a rebuild is queued first; searches are answered from the
   * old state until it completes.
   */
  void start() {
    long graphRevision = graph.revision();
    if (store.openedRevision() != graphRevision) {
      staleAtOpen = true;
      LOG.info(
          "search index is at revision {}, the graph at {}: rebuilding",
          store.openedRevision(),
          graphRevision);
      queue.add(new Rebuild(new CompletableFuture<>()));
    } else {
      LOG.info("search index is consistent with graph revision {}", graphRevision);
    }
    thread.start();
  }

  /** Queues the changes of one commit; called on the committing thread, never blocks. */
  void enqueue(List<ChangeEvent> events) {
    if (!closed && !events.isEmpty()) {
      queue.add(new Changes(List.copyOf(events)));
    }
  }

  CompletableFuture<Void> requestRebuild() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (closed) {
      done.completeExceptionally(new IllegalStateException("the search index is closed"));
    } else {
      queue.add(new Rebuild(done));
    }
    return done;
  }

  boolean awaitRevision(long revision, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (revisionLock) {
      while (visibleRevision < revision) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(revisionLock, left);
      }
      return true;
    }
  }

  long visibleRevision() {
    synchronized (revisionLock) {
      return visibleRevision;
    }
  }

  boolean staleAtOpen() {
    return staleAtOpen;
  }

  Rebuilder.Progress progress() {
    return rebuilder.progress();
  }

  int pending() {
    return queue.size();
  }

  private void run() {
    BackgroundPriority.lowerCurrentThread();
    while (true) {
      List<Task> batch = new ArrayList<>();
      try {
        Task first = uncommitted ? queue.poll(IDLE_COMMIT_MS, TimeUnit.MILLISECONDS) : queue.take();
        if (first == null) {
          commit(); // idle: make what is searchable durable
          continue;
        }
        batch.add(first);
        pauseAfterLongApply();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch, MAX_BATCH);
      boolean stop = process(batch);
      if (stop || System.nanoTime() - lastCommit > TimeUnit.MILLISECONDS.toNanos(MAX_COMMIT_MS)) {
        commit();
      }
      if (stop) {
        return;
      }
    }
  }

  /**
   * After re-reading aggregates took a while, waits twice as long before the next batch (at most a
   * second): under a stream of commits (lineage ingest) the indexer then uses at most about a third
   * of a core, leaving the rest to the request path and the projection, and the changes that arrive
   * meanwhile are coalesced, so an entity changed by several commits is re-read once. When commits
   * are rare the last apply was short and a change is searchable within milliseconds, as before.
   */
  private void pauseAfterLongApply() throws InterruptedException {
    long wait = resumeAt - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private void commit() {
    if (!uncommitted) {
      return;
    }
    try {
      store.commit();
      uncommitted = false;
      lastCommit = System.nanoTime();
    } catch (IOException | RuntimeException e) {
      LOG.error("search index commit failed; the index will be rebuilt with the next change", e);
      needsRebuild = true;
    }
  }

  /** Processes a batch in order; returns true when a stop was among it. */
  private boolean process(List<Task> batch) {
    Map<String, ChangeEvent.EntityKind> roots = new LinkedHashMap<>();
    List<CompletableFuture<Void>> rebuildsDone = new ArrayList<>();
    boolean rebuild = needsRebuild;
    boolean stop = false;
    long revision = -1;
    for (Task task : batch) {
      switch (task) {
        case Changes changes -> {
          for (ChangeEvent event : changes.events()) {
            revision = Math.max(revision, event.revision());
            if (event.type() == ChangeEvent.ChangeType.RESET) {
              rebuild = true;
            } else if (AggregateWriter.indexes(event.kind())) {
              roots.put(event.entityIri(), event.kind());
            }
          }
        }
        case Rebuild r -> {
          rebuild = true;
          rebuildsDone.add(r.done());
        }
        case Stop s -> stop = true;
      }
    }
    try {
      if (rebuild) {
        long rebuilt = rebuilder.rebuild(graph.revision());
        needsRebuild = false;
        uncommitted = false;
        lastCommit = System.nanoTime();
        signal(rebuilt);
        rebuildsDone.forEach(f -> f.complete(null));
      } else if (revision >= 0) {
        long started = System.nanoTime();
        int written = aggregates.apply(roots);
        long applied = System.nanoTime();
        resumeAt =
            applied
                + Math.min(
                    (applied - started) * PAUSE_FACTOR,
                    TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MS));
        long published = Math.max(revision, visibleRevision());
        store.publish(published);
        uncommitted = true;
        signal(published);
        report(roots.size(), written, published, started, applied);
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("search indexing failed; the index will be rebuilt with the next change", e);
      needsRebuild = true;
      rebuildsDone.forEach(f -> f.completeExceptionally(e));
    }
    return stop;
  }

  private static void report(int changed, int written, long revision, long started, long applied) {
    long now = System.nanoTime();
    long total = (now - started) / 1_000_000;
    String format =
        "indexed revision {}: {} changed, {} aggregates re-read in {} ms, refresh {} ms";
    Object[] args = {
      revision, changed, written, (applied - started) / 1_000_000, (now - applied) / 1_000_000
    };
    if (total > 1000) {
      LOG.warn(format, args);
    } else {
      LOG.debug(format, args);
    }
  }

  /** Wakes the waiters of {@link #awaitRevision}: the revision is searchable. */
  private void signal(long revision) {
    synchronized (revisionLock) {
      visibleRevision = revision;
      revisionLock.notifyAll();
    }
  }

  /** Stops taking changes, finishes what is queued, and waits for the thread to end. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(new Stop());
    try {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("search indexer did not finish within 60 s; uncommitted changes are dropped");
      thread.interrupt();
    }
  }
}
