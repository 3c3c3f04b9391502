package io.tessera.catalogserver.journal;

import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.cluster.ClusterConfig;
import io.tessera.catalogserver.persistence.CatalogJournal;
import io.tessera.catalogserver.persistence.DatabaseUnreachable;
import io.tessera.catalogserver.persistence.JournalException;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every catalog write, journaled: the node first applies what other nodes appended since it last
 * looked, then runs the write's graph work in a write transaction, validates it, appends what it
 * changed to the catalog journal in the relational transaction that also holds the write's own
 * records (revisions, agreements, health), commits that transaction (the write is now durable and
 * visible to every node) and only then commits its graph, at the appended position. If another node
 * took the position first, the graph transaction is rolled back, the node catches up and the write
 * is tried again on the new state.
 *
 * <p>Writes and the application of other nodes' entries on this node are serialised by one lock, so
 * the graph applies the journal strictly in order.
 */
@Singleton
public class JournaledWrites {
  private static final Logger LOG = LoggerFactory.getLogger(JournaledWrites.class);
  private static final int ATTEMPTS = 20;
  private static final int CATCH_UP_BATCH = 500;
  static final String UNAVAILABLE =
      "the catalog journal could not be written; nothing was written; retry";

  private final CatalogJournal journal;
  private final GraphStore store;
  private final String node;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition advanced = lock.newCondition();
  private volatile long position;

  @jakarta.inject.Inject
  public JournaledWrites(
      CatalogJournal journal, GraphStore store, ClusterConfig cluster, TesseraConfig config) {
    this(journal, store, cluster.nodeId(config.dataDir()), Clock.systemUTC());
  }

  JournaledWrites(CatalogJournal journal, GraphStore store, String node, Clock clock) {
    this.journal = journal;
    this.store = store;
    this.node = node;
    this.clock = clock;
    this.position = store.journalPosition();
  }

  /** This node's name in the journal. */
  public String node() {
    return node;
  }

  /**
   * A write in a transaction of its own.
   *
   * @return the journal position of the write
   */
  public long write(CatalogJournal.Write write, Consumer<GraphWriter> work) {
    try (Connection c = journal.begin()) {
      return write(write, c, work);
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * A write whose relational records the caller has made in its open transaction {@code c}; this
   * appends the journal entry to that transaction and commits it. If the write fails, the caller's
   * transaction is rolled back.
   *
   * @return the journal position of the write
   */
  public long write(CatalogJournal.Write write, Connection c, Consumer<GraphWriter> work) {
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        catchUpLocked();
        try {
          long written =
              store.write(
                  work,
                  (at, patch) -> {
                    try {
                      journal.append(c, at, node, write, patch, clock.instant());
                      c.commit();
                    } catch (CatalogJournal.PositionTaken e) {
                      throw new Retry(e);
                    } catch (SQLException e) {
                      throw unavailable(e);
                    }
                  });
          advance(written);
          ReadYourWritesFilter.wrote(written);
          return written;
        } catch (Retry e) {
          if (attempt == ATTEMPTS) {
            rollback(c);
            throw new ProblemException(
                ProblemType.UNAVAILABLE,
                "other nodes kept writing to the catalog journal; nothing was written; retry");
          }
          LOG.debug("{}; catching up and trying again", e.getCause().getMessage());
        } catch (RuntimeException e) {
          rollback(c);
          throw e;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies the entries other nodes appended (or this node appended before a crash left its graph
   * behind) since this node's graph last moved.
   *
   * @return how many entries were applied
   */
  public int catchUp() {
    lock.lock();
    try {
      return catchUpLocked();
    } finally {
      lock.unlock();
    }
  }

  private int catchUpLocked() {
    int applied = 0;
    while (true) {
      List<CatalogJournal.Entry> entries;
      try {
        entries = journal.after(store.journalPosition(), CATCH_UP_BATCH);
      } catch (JournalException e) {
        throw unavailable(e);
      }
      if (!entries.isEmpty() && entries.getFirst().position() > store.journalPosition() + 1) {
        throw new IllegalStateException(
            "this node's graph is at catalog journal position "
                + store.journalPosition()
                + " but the journal now starts at "
                + entries.getFirst().position()
                + " (older entries were dropped by the retention): start this node with an empty"
                + " graph directory to begin from the newest snapshot");
      }
      for (CatalogJournal.Entry entry : entries) {
        store.apply(entry.position(), entry.patch());
        advance(entry.position());
        applied++;
      }
      if (entries.size() < CATCH_UP_BATCH) {
        return applied;
      }
    }
  }

  private void advance(long to) {
    lock.lock();
    try {
      if (to > position) {
        position = to;
        advanced.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The position of the last journal entry this node's graph holds. */
  public long position() {
    return position;
  }

  /** The position of the newest entry in the journal, written by any node. */
  public long head() {
    try {
      return journal.head();
    } catch (JournalException e) {
      throw unavailable(e);
    }
  }

  /**
   * Waits until this node's graph holds the entry at the position (a write another node
   * acknowledged), catching up at once rather than at the next poll.
   *
   * @return whether it does within the timeout
   */
  public boolean awaitPosition(long wanted, Duration timeout) throws InterruptedException {
    if (position >= wanted) {
      return true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    if (lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      try {
        catchUpLocked();
        while (position < wanted) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          advanced.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
          catchUpLocked();
        }
      } finally {
        lock.unlock();
      }
    }
    return position >= wanted;
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.debug("rollback failed", e);
    }
  }

  private static ProblemException unavailable(Exception e) {
    LOG.warn("the catalog journal cannot be written: {}", e.getMessage());
    return DatabaseUnreachable.causedBy(e)
        ? ProblemException.databaseUnavailable()
        : new ProblemException(ProblemType.UNAVAILABLE, UNAVAILABLE);
  }

  /** Another writer took the position: roll the graph back, catch up, try again. */
  private static final class Retry extends RuntimeException {
    Retry(CatalogJournal.PositionTaken cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
