package io.tessera.catalogserver.journal;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.tessera.catalogserver.persistence.CatalogJournal;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's graph (and through its change feed, the search index) up with the catalog
 * journal. At start-up, before the server serves, it applies every entry the graph lacks (a new
 * node replays the journal; a node killed between its journal commit and its graph commit applies
 * its own last write), logging its progress. Then, on PostgreSQL (where other nodes write), it
 * listens for the journal's notifications and also looks every {@code tessera.cluster.journal-poll}
 * (1 s by default) in case a notification was missed; on H2 only this node writes and nothing needs
 * following.
 */
@Context
public class JournalFollower {
  private static final Logger LOG = LoggerFactory.getLogger(JournalFollower.class);

  private final JournaledWrites writes;
  private final CatalogJournal journal;
  private final Duration poll;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String lastError;

  public JournalFollower(
      JournaledWrites writes,
      CatalogJournal journal,
      @Value("${tessera.cluster.journal-poll:1s}") Duration poll) {
    this.writes = writes;
    this.journal = journal;
    this.poll = poll;
    bootstrap();
    if (journal.postgres()) {
      thread = new Thread(this::follow, "tessera-journal-follower");
      thread.setDaemon(true);
      thread.start();
    } else {
      thread = null;
    }
  }

  private void bootstrap() {
    long head = journal.head();
    long from = writes.position();
    if (head <= from) {
      return;
    }
    LOG.info("applying catalog journal entries {} to {} to this node's graph", from + 1, head);
    long started = System.nanoTime();
    long lastLog = started;
    while (writes.position() < head) {
      if (writes.catchUp() == 0) {
        break;
      }
      if (System.nanoTime() - lastLog > Duration.ofSeconds(5).toNanos()) {
        lastLog = System.nanoTime();
        LOG.info("catalog journal: {} of {} entries applied", writes.position(), head);
      }
    }
    LOG.info(
        "catalog journal caught up at position {} ({} entries in {} ms)",
        writes.position(),
        writes.position() - from,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /** Whether the follower is following (only on PostgreSQL). */
  public boolean following() {
    return thread != null;
  }

  /** The last error following met, or null. */
  public String lastError() {
    return lastError;
  }

  private void follow() {
    Connection listening = null;
    while (running) {
      try {
        if (listening == null || listening.isClosed()) {
          listening = listen();
        }
        PGNotification[] notifications =
            listening.unwrap(PGConnection.class).getNotifications((int) poll.toMillis());
        if (!running) {
          break;
        }
        writes.catchUp();
        lastError = null;
        if (notifications != null && notifications.length > 0) {
          LOG.debug("journal notified up to {}", notifications[notifications.length - 1]);
        }
      } catch (SQLException | RuntimeException e) {
        lastError = e.getMessage();
        LOG.warn("cannot follow the catalog journal ({}); trying again", e.getMessage());
        close(listening);
        listening = null;
        sleep(poll);
      }
    }
    close(listening);
  }

  private Connection listen() throws SQLException {
    Connection c = journal.connection();
    c.setAutoCommit(true);
    try (Statement listen = c.createStatement()) {
      listen.execute("LISTEN " + CatalogJournal.CHANNEL);
    }
    return c;
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing the listening connection failed", e);
      }
    }
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
