package io.tessera.catalogserver.persistence;

import io.micronaut.scheduling.TaskExecutors;
import io.tessera.lineage.EventJournal;
import io.tessera.lineage.LineageEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The OpenLineage event journal ({@code lineage_event}): every accepted event, appended and
 * committed before it is acknowledged, and stored once however often it is sent.
 */
@Singleton
public class LineageJournal implements EventJournal {
  private static final int RUN_CHUNK = 500;
  private static final int MAX_GROUP = 1000;

  private final DataSource dataSource;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(10_000);
  private final Executor completions;
  private final Thread writer;
  private volatile boolean running = true;

  /**
   * A journal that completes appends on its writer thread (for tools and tests).
   *
   * @param fsync on H2, force every commit group to disk before it is acknowledged ({@link
   *     DurableCommits}); PostgreSQL does so on every commit by itself
   */
  public LineageJournal(DataSource dataSource, boolean fsync) {
    this(new DurableCommits(fsync).wrap(dataSource), Runnable::run);
  }

  /**
   * @param dataSource the application's, whose commits on H2 are forced to disk before they return
   *     unless {@code tessera.journal.fsync} is false ({@link DurableCommits}): a commit group is
   *     then synced once, before any of its appends is acknowledged
   * @param completions where the appends of a committed group are completed (one task per group),
   *     so that what their callers do next (such as answering the request) does not hold up the
   *     next group's commit
   */
  @Inject
  public LineageJournal(
      DataSource dataSource, @Named(TaskExecutors.BLOCKING) Executor completions) {
    this.dataSource = dataSource;
    this.completions = completions;
    this.writer = Thread.ofPlatform().name("lineage-journal").daemon().start(this::writeLoop);
  }

  /** The outcome of an append: the event's journal id, and whether it was already there. */
  @io.micronaut.serde.annotation.Serdeable
  public record Appended(long id, boolean duplicate) {}

  /** A stored event. */
  public record Stored(long id, String payload, Instant receivedAt) {
    public byte[] bytes() {
      return payload.getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * Appends an event unless one with the same identity is stored; durable (committed) when this
   * returns. Appends from concurrent requests are committed together by one writer thread (group
   * commit), so the cost of a commit is shared by every event in it.
   *
   * @throws JournalException if the event could not be stored; then it was not accepted
   */
  public Appended append(LineageEvent event, String identity, String payload) {
    return append(event, identity, payload, null);
  }

  /**
   * As {@link #append(LineageEvent, String, String)}, recording who posted the event.
   *
   * @param postedBy the subject of the principal that posted it (kept by the first append of an
   *     identity), or null for the server's own events
   */
  public Appended append(LineageEvent event, String identity, String payload, String postedBy) {
    CompletableFuture<Appended> result = appendAsync(event, identity, payload, postedBy);
    try {
      return result.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new JournalException("cannot append the event to the journal", e.getCause());
    } catch (TimeoutException e) {
      throw new JournalException("the event journal did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JournalException("interrupted while appending to the journal", e);
    }
  }

  /**
   * Like {@link #append}, without waiting: the result completes, on the journal's writer thread,
   * once the event's commit group is committed (or exceptionally if it could not be stored; then it
   * was not accepted). The calling thread is free meanwhile, so a request waits for its commit
   * without holding a thread.
   *
   * @throws JournalException if the journal is not accepting events (closed, or its queue is full)
   */
  public CompletableFuture<Appended> appendAsync(
      LineageEvent event, String identity, String payload) {
    return appendAsync(event, identity, payload, null);
  }

  /** As {@link #appendAsync(LineageEvent, String, String)}, recording who posted the event. */
  public CompletableFuture<Appended> appendAsync(
      LineageEvent event, String identity, String payload, String postedBy) {
    Pending pending =
        new Pending(
            new GroupInsert.Row(event, identity, payload, postedBy), new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      throw new JournalException("the event journal is not accepting events", null);
    }
    return pending.result();
  }

  private record Pending(GroupInsert.Row row, CompletableFuture<Appended> result) {}

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_GROUP - 1);
        write(batch);
      } catch (InterruptedException e) {
        running = false;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    List<GroupInsert.Row> rows = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      rows.add(p.row());
    }
    List<Appended> results;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        results = GroupInsert.insert(c, rows);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackAfter(c, e);
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      complete(List.copyOf(batch), null, e);
      return;
    }
    complete(List.copyOf(batch), results, null);
  }

  /**
   * Rolls back after a failed insert; a rollback that fails too (the connection broke) is kept as
   * suppressed, so the insert's failure is the one reported.
   */
  private static void rollbackAfter(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** Completes a group's appends, off the writer thread when the executor takes the task. */
  private void complete(List<Pending> group, List<Appended> results, Exception failure) {
    Runnable task =
        () -> {
          for (int i = 0; i < group.size(); i++) {
            if (failure != null) {
              group.get(i).result().completeExceptionally(failure);
            } else {
              group.get(i).result().complete(results.get(i));
            }
          }
        };
    try {
      completions.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    running = false;
    writer.join(Duration.ofSeconds(10));
  }

  /**
   * At most {@code limit} stored events after {@code position}, in journal order, with when they
   * arrived.
   */
  public List<Stored> stored(long position, int limit) {
    return query(
        "SELECT id, payload, received_at, payload_deflated FROM lineage_event WHERE id > ?"
            + " ORDER BY id FETCH FIRST "
            + limit
            + " ROWS ONLY",
        position);
  }

  /**
   * Of these OpenLineage run ids, those whose {@code COMPLETE} event the journal had received by
   * {@code asOf} (its received time, not the event time the producer claims).
   */
  public Set<String> completedBy(Collection<String> runIds, Instant asOf) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(runIds));
    Set<String> completed = new HashSet<>();
    try (Connection c = dataSource.getConnection()) {
      for (int from = 0; from < ids.size(); from += RUN_CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + RUN_CHUNK));
        try (PreparedStatement select =
            c.prepareStatement(
                "SELECT DISTINCT run_id FROM lineage_event WHERE run_id IN ("
                    + String.join(",", Collections.nCopies(chunk.size(), "?"))
                    + ") AND event_type = 'COMPLETE' AND received_at <= ?")) {
          int i = 1;
          for (String id : chunk) {
            select.setString(i++, id);
          }
          select.setObject(i, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              completed.add(rs.getString(1));
            }
          }
        }
      }
      return completed;
    } catch (SQLException e) {
      throw new JournalException("cannot read the journal", e);
    }
  }

  /**
   * Hands every event of a job that the journal had received by {@code asOf} to {@code each}, in
   * journal order, a page at a time.
   */
  public void jobEvents(String namespace, String name, Instant asOf, Consumer<Stored> each) {
    long after = 0;
    while (true) {
      List<Stored> page = new ArrayList<>();
      try (Connection c = dataSource.getConnection();
          PreparedStatement select =
              c.prepareStatement(
                  "SELECT id, payload, received_at, payload_deflated FROM lineage_event"
                      + " WHERE job_namespace = ? AND job_name = ? AND received_at <= ? AND id > ?"
                      + " ORDER BY id FETCH FIRST "
                      + RUN_CHUNK
                      + " ROWS ONLY")) {
        select.setString(1, namespace);
        select.setString(2, name);
        select.setObject(3, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        select.setLong(4, after);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            page.add(
                new Stored(
                    rs.getLong(1),
                    JournalPayload.read(rs, 2, 4),
                    rs.getObject(3, OffsetDateTime.class).toInstant()));
          }
        }
      } catch (SQLException e) {
        throw new JournalException("cannot read the journal", e);
      }
      page.forEach(each);
      if (page.size() < RUN_CHUNK) {
        return;
      }
      after = page.getLast().id();
    }
  }

  /** The newest journal position (0 when empty). */
  @Override
  public List<StoredEvent> after(long position, int limit) {
    return stored(position, limit).stream().map(e -> new StoredEvent(e.id(), e.bytes())).toList();
  }

  @Override
  public int failureCount() {
    return failures().size();
  }

  @Override
  public long lastPosition() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM lineage_event");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new JournalException("cannot read the journal", e);
    }
  }

  /**
   * A page of events by event time, as Marquez lists them.
   *
   * @param descending newest first
   */
  public Page page(Instant after, Instant before, boolean descending, int limit, int offset) {
    return page(after, before, descending, limit, offset, null);
  }

  /**
   * A page of events by event time, as Marquez lists them.
   *
   * @param descending newest first
   * @param postedBy only the events this subject posted first, or null for every event
   */
  public Page page(
      Instant after, Instant before, boolean descending, int limit, int offset, String postedBy) {
    String where =
        " WHERE event_time >= ? AND event_time <= ?"
            + (postedBy == null ? "" : " AND posted_by = ?");
    String order = descending ? " ORDER BY event_time DESC, id DESC" : " ORDER BY event_time, id";
    try (Connection c = dataSource.getConnection()) {
      long total;
      try (PreparedStatement count =
          c.prepareStatement("SELECT COUNT(*) FROM lineage_event" + where)) {
        count.setObject(1, OffsetDateTime.ofInstant(after, ZoneOffset.UTC));
        count.setObject(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
        if (postedBy != null) {
          count.setString(3, postedBy);
        }
        try (ResultSet rs = count.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<String> payloads = new ArrayList<>();
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT payload, payload_deflated FROM lineage_event"
                  + where
                  + order
                  + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
        select.setObject(1, OffsetDateTime.ofInstant(after, ZoneOffset.UTC));
        select.setObject(2, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
        int next = 3;
        if (postedBy != null) {
          select.setString(next++, postedBy);
        }
        select.setInt(next++, offset);
        select.setInt(next, limit);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            payloads.add(JournalPayload.read(rs, 1, 2));
          }
        }
      }
      return new Page(payloads, total);
    } catch (SQLException e) {
      throw new JournalException("cannot read the journal", e);
    }
  }

  /** A page of raw events and how many match in all. */
  public record Page(List<String> payloads, long totalCount) {}

  /** Records that an event could not be projected; it stays in the journal for a later rebuild. */
  @Override
  public void recordFailure(long id, String message) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO lineage_projection_failure (event_id, message, failed_at) VALUES (?,?,?)")) {
      insert.setLong(1, id);
      insert.setString(2, message.length() > 4000 ? message.substring(0, 4000) : message);
      insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw new JournalException("cannot record a projection failure", e);
      }
    }
  }

  /** Events that could not be projected, with the reason. */
  public List<Failure> failures() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT event_id, message, failed_at FROM lineage_projection_failure ORDER BY event_id");
        ResultSet rs = select.executeQuery()) {
      List<Failure> failures = new ArrayList<>();
      while (rs.next()) {
        failures.add(
            new Failure(
                rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
      }
      return failures;
    } catch (SQLException e) {
      throw new JournalException("cannot read projection failures", e);
    }
  }

  /** Clears recorded failures before a rebuild retries every event. */
  @Override
  public void clearFailures() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM lineage_projection_failure")) {
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new JournalException("cannot clear projection failures", e);
    }
  }

  /** An event that could not be projected. */
  @io.micronaut.serde.annotation.Serdeable
  public record Failure(long eventId, String message, Instant failedAt) {}

  private List<Stored> query(String sql, long position) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, position);
      List<Stored> events = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          events.add(
              new Stored(
                  rs.getLong(1),
                  JournalPayload.read(rs, 2, 4),
                  rs.getObject(3, OffsetDateTime.class).toInstant()));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new JournalException("cannot read the journal", e);
    }
  }
}
