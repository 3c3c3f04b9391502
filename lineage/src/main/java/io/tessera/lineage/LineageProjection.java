package io.tessera.lineage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lineage graphs caught up with the event journal: one background thread projects journal
 * entries in batches (one graph transaction per batch), from the position stored in the graph, so
 * it resumes after a restart without losing or repeating work. An event that cannot be projected is
 * recorded as a failure and skipped; it stays in the journal. A rebuild clears the lineage graphs
 * and replays the whole journal.
 *
 * <p>While events are arriving the projection yields to the requests that append them: it lingers
 * so that one transaction covers many events (a job or dataset that several of them touch is then
 * read and written once) and rests twice as long as each batch took. The backlog this builds is
 * bounded twice: in events ({@code maxBacklog}) and in time ({@code maxLag}, the age of the oldest
 * acknowledged event not projected yet). The projection stops resting once the lag reaches half its
 * bound (or as soon as no event has arrived for a moment) and runs flat out until it has caught up;
 * while the backlog or the lag is at its bound, new events wait for room ({@link #awaitRoom})
 * before they are appended, so a sustained stream is slowed to the rate the projection keeps up
 * with instead of leaving lineage further and further behind. Its thread runs at the normal
 * scheduling priority: at a lower one (as the search indexer runs) it would get a tenth of a share
 * against every busy process of the machine, not only against the requests, and on a shared machine
 * that alone left it thousands of events behind.
 */
public class LineageProjection {
  /** The default bound on the age of the oldest event not projected yet. */
  public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(LineageProjection.class);

  /**
   * The most events one transaction projects, flat out (catching up) as while yielding: every
   * transaction copies the B+tree paths it touches in TDB2's indexes, so a backlog projected in
   * larger transactions grows the store less and costs less per event.
   */
  private static final int BATCH = 2000;

  private static final Duration LINGER = Duration.ofMillis(50);

  /** Events arrived within this window: ingest is active. */
  private static final long ACTIVE_NANOS = Duration.ofMillis(250).toNanos();

  /** While ingest is active, rest this many times as long as the last batch took. */
  private static final int REST_FACTOR = 2;

  private static final long MAX_REST_NANOS = Duration.ofSeconds(2).toNanos();
  private static final long FOLLOWER_POLL_NANOS = Duration.ofMillis(20).toNanos();
  private static final long REST_SLICE_NANOS = Duration.ofMillis(20).toNanos();

  private final EventJournal journal;
  private final LineageProjector projector;
  private final EventParser parser;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Condition progress = lock.newCondition();
  private final AtomicLong projected = new AtomicLong();
  private final AtomicBoolean rebuilding = new AtomicBoolean();
  private final AtomicBoolean rebuildRequested = new AtomicBoolean();
  private final AtomicLong appended = new AtomicLong();
  private final long maxBacklog;
  private final long maxLagNanos;

  /** When each acknowledged event not yet projected was signalled, by journal position. */
  private final ConcurrentSkipListMap<Long, Long> arrivals = new ConcurrentSkipListMap<>();

  /** When each announced projection commit not yet followed was made, by graph revision. */
  private final ConcurrentSkipListMap<Long, Long> unfollowed = new ConcurrentSkipListMap<>();

  private final LongSupplier followed;

  private final Thread worker;
  private volatile long lastArrival = System.nanoTime() - ACTIVE_NANOS;
  private volatile boolean running = true;

  /**
   * @param maxBacklog the most events the projection lets pile up while it yields to ingest
   */
  public LineageProjection(
      EventJournal journal, LineageProjector projector, EventParser parser, long maxBacklog) {
    this(journal, projector, parser, maxBacklog, DEFAULT_MAX_LAG);
  }

  /**
   * @param maxBacklog the most events the projection lets pile up while it yields to ingest
   * @param maxLag the oldest an acknowledged event may be before it is projected while events
   *     stream in: beyond it, new events wait for the projection
   */
  public LineageProjection(
      EventJournal journal,
      LineageProjector projector,
      EventParser parser,
      long maxBacklog,
      Duration maxLag) {
    this(journal, projector, parser, maxBacklog, maxLag, () -> Long.MAX_VALUE);
  }

  /**
   * @param maxBacklog the most events the projection lets pile up while it yields to ingest
   * @param maxLag the oldest an acknowledged event may be before it is projected, and the longest a
   *     projected batch may wait for the follower, while events stream in: beyond it, new events
   *     wait
   * @param followed the graph revision a follower of the change feed has reached (the search index;
   *     {@code Long.MAX_VALUE} while it must not hold ingest, e.g. during its rebuild)
   */
  public LineageProjection(
      EventJournal journal,
      LineageProjector projector,
      EventParser parser,
      long maxBacklog,
      Duration maxLag,
      LongSupplier followed) {
    this.followed = followed;
    this.journal = journal;
    this.projector = projector;
    this.parser = parser;
    this.maxBacklog = maxBacklog;
    this.maxLagNanos = maxLag.toNanos();
    this.projected.set(projector.position());
    this.worker = Thread.ofPlatform().name("lineage-projection").daemon().start(this::loop);
    if (!projector.layoutCurrent()) {
      LOG.info("the lineage graphs have an earlier layout; rebuilding them from the journal");
      rebuild();
    }
  }

  /**
   * Progress of the projection (and of a rebuild, while one runs); {@code lagMillis} is the age of
   * the oldest event acknowledged by this process and not projected yet (0 when there is none),
   * {@code followerLagMillis} the age of the oldest projection commit the follower (the search
   * index) has not reached yet.
   */
  public record Status(
      long projected,
      long journal,
      boolean rebuilding,
      int failures,
      long lagMillis,
      long followerLagMillis) {}

  public Status status() {
    return new Status(
        projected.get(),
        journal.lastPosition(),
        rebuilding.get(),
        journal.failureCount(),
        lagNanos() / 1_000_000,
        followerLagNanos() / 1_000_000);
  }

  /** Wakes the worker: a new event is in the journal at this position. */
  public void signal(long position) {
    if (position > projected.get()) {
      arrivals.putIfAbsent(position, System.nanoTime());
    }
    appended.accumulateAndGet(position, Math::max);
    lastArrival = System.nanoTime();
    signal();
  }

  /** Wakes the worker. */
  public void signal() {
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the journal is projected through the position; false on timeout. */
  public boolean awaitProjected(long position, Duration timeout) throws InterruptedException {
    return awaitProgress(() -> projected.get() >= position, timeout);
  }

  /**
   * Holds the calling request while the backlog is at its bound ({@code maxBacklog} events, an
   * acknowledged event older than {@code maxLag} still unprojected, or a projected batch the
   * follower has not reached within {@code maxLag}), at most for the given time: under a stream
   * that keeps every core busy it is the producers that must slow down for lineage and search to
   * keep up. Returns at once when the backlog is below the bound, and during a rebuild (whose
   * backlog is the whole journal).
   *
   * @return whether the backlog is below its bound
   */
  public boolean awaitRoom(Duration timeout) throws InterruptedException {
    return !full() || awaitProgress(() -> !full(), timeout);
  }

  /** Waits, as the projection progresses, until the condition holds; false on timeout. */
  private boolean awaitProgress(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        // the follower does not signal: look again at least every few milliseconds
        progress.awaitNanos(Math.min(left, FOLLOWER_POLL_NANOS));
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private boolean full() {
    return running
        && !rebuilding.get()
        && (appended.get() - projected.get() >= maxBacklog
            || lagNanos() >= maxLagNanos
            || followerLagNanos() >= maxLagNanos);
  }

  /** How long the oldest announced commit the follower has not reached has waited. */
  private long followerLagNanos() {
    if (unfollowed.isEmpty()) {
      return 0;
    }
    unfollowed.headMap(followed.getAsLong(), true).clear();
    Map.Entry<Long, Long> oldest = unfollowed.firstEntry();
    return oldest == null ? 0 : Math.max(0, System.nanoTime() - oldest.getValue());
  }

  /** How long the oldest signalled event not projected yet has waited. */
  private long lagNanos() {
    Map.Entry<Long, Long> oldest = arrivals.firstEntry();
    // an event signalled just as the projection passed it may have been recorded late
    while (oldest != null && oldest.getKey() <= projected.get()) {
      arrivals.remove(oldest.getKey(), oldest.getValue());
      oldest = arrivals.firstEntry();
    }
    return oldest == null ? 0 : Math.max(0, System.nanoTime() - oldest.getValue());
  }

  /** Starts a rebuild of the lineage graphs from the journal; false if one is running. */
  public boolean rebuild() {
    if (!rebuilding.compareAndSet(false, true)) {
      return false;
    }
    rebuildRequested.set(true);
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
    return true;
  }

  private void loop() {
    while (running) {
      try {
        if (rebuildRequested.getAndSet(false)) {
          LOG.info(
              "rebuilding the lineage graphs from the journal ({} events)", journal.lastPosition());
          projector.clear();
          journal.clearFailures();
          setProjected(0);
        }
        boolean yielding = yielding();
        List<EventJournal.StoredEvent> batch = journal.after(projected.get(), BATCH);
        if (!batch.isEmpty() && batch.size() < BATCH && !rebuilding.get()) {
          // under a stream of events, wait a moment so that one transaction covers many of them:
          // while they keep coming, until the oldest has waited a quarter of the lag bound (fewer,
          // larger transactions: less copy-on-write growth of the store, fewer index revisions)
          sleep(LINGER);
          while (running
              && System.nanoTime() - lastArrival < LINGER.toNanos()
              && lagNanos() < maxLagNanos / 4
              && appended.get() - projected.get() < BATCH) {
            sleep(LINGER);
          }
          batch = journal.after(projected.get(), BATCH);
        }
        if (batch.isEmpty()) {
          if (rebuilding.compareAndSet(true, false)) {
            LOG.info("lineage rebuild finished at journal position {}", projected.get());
          }
          idle();
          continue;
        }
        long started = System.nanoTime();
        project(batch);
        if (yielding) {
          rest(Math.min((System.nanoTime() - started) * REST_FACTOR, MAX_REST_NANOS));
        }
      } catch (RuntimeException e) {
        LOG.error("lineage projection failed; retrying", e);
        sleep(Duration.ofSeconds(1));
      }
    }
  }

  /**
   * Whether events are arriving and the backlog is still below its bound and the lag below half of
   * its bound: the second half is left for the projection to catch up before producers wait.
   */
  private boolean yielding() {
    return !rebuilding.get()
        && System.nanoTime() - lastArrival < ACTIVE_NANOS
        && appended.get() - projected.get() < maxBacklog
        && lagNanos() < maxLagNanos / 2;
  }

  /** Rests while ingest stays active, at most for the given time. */
  private void rest(long nanos) {
    long until = System.nanoTime() + nanos;
    while (running && yielding()) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return;
      }
      sleep(Duration.ofNanos(Math.min(left, REST_SLICE_NANOS)));
    }
  }

  private void project(List<EventJournal.StoredEvent> batch) {
    List<JournalEntry> entries = new ArrayList<>();
    for (EventJournal.StoredEvent stored : batch) {
      entries.add(new JournalEntry(stored.position(), parser.parse(stored.payload())));
    }
    try {
      ProjectionResult result = projector.project(entries);
      committed(result);
      if (!result.bound().isEmpty()) {
        LOG.info("lineage turned ports physical: {}", result.bound());
      }
    } catch (RuntimeException e) {
      LOG.warn("a batch of {} events failed; projecting them one by one", entries.size(), e);
      for (JournalEntry entry : entries) {
        try {
          committed(projector.project(List.of(entry)));
        } catch (RuntimeException single) {
          LOG.error(
              "event {} cannot be projected; it stays in the journal", entry.position(), single);
          journal.recordFailure(entry.position(), String.valueOf(single.getMessage()));
          projector.skip(entry.position());
        }
      }
    }
    setProjected(batch.getLast().position());
  }

  /** Remembers when a batch's changes were announced, to see how long the follower takes. */
  private void committed(ProjectionResult result) {
    if (result.announcedRevision() > 0 && !rebuilding.get()) {
      unfollowed.put(result.announcedRevision(), System.nanoTime());
    }
  }

  private void setProjected(long position) {
    if (position == 0) {
      arrivals.clear();
    } else {
      arrivals.headMap(position, true).clear();
    }
    lock.lock();
    try {
      projected.set(position);
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void idle() {
    lock.lock();
    try {
      work.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  /**
   * Stops after the batch in progress: the worker is not interrupted, because interrupting a thread
   * inside a TDB2 commit closes the store's file channels.
   */
  public void stop() throws InterruptedException {
    running = false;
    signal();
    worker.join(Duration.ofSeconds(60));
  }
}
