package io.tessera.catalogserver.persistence;

import io.tessera.lineage.LineageEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts one commit group of events into {@code lineage_event} within the caller's transaction:
 * the group's distinct identities in one JDBC batch, without looking them up first. Only when the
 * batch hits the unique identity (an event sent again, SQLState class 23) is the group inserted
 * again row by row, each row behind a savepoint, so that every identity still ends up stored
 * exactly once and each caller learns whether its event was already there. An event keeps the
 * poster of the row that stored it first.
 */
final class GroupInsert {
  private static final String INSERT =
      "INSERT INTO lineage_event (identity, kind, event_type, event_time, run_id, job_namespace,"
          + " job_name, producer, payload_deflated, received_at, posted_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
  private static final String SELECT_ID = "SELECT id FROM lineage_event WHERE identity = ?";
  // the advisory lock key that orders the lineage journal's appends across nodes ("tessera-lj")
  private static final long APPEND_LOCK = 0x7465737365726C6AL;

  /**
   * One event to insert.
   *
   * @param postedBy the subject of the principal that posted it, or null (the server's own)
   * @param deflated the payload as stored ({@link JournalPayload#deflate}), computed by whoever
   *     makes the row (the request's thread, not the journal's writer)
   */
  record Row(
      LineageEvent event, String identity, String payload, String postedBy, byte[] deflated) {
    Row(LineageEvent event, String identity, String payload, String postedBy) {
      this(event, identity, payload, postedBy, JournalPayload.deflate(payload));
    }

    Row(LineageEvent event, String identity, String payload) {
      this(event, identity, payload, null);
    }
  }

  private GroupInsert() {}

  /**
   * Inserts the rows in the connection's transaction, which must hold nothing else (a duplicate
   * rolls it back before the rows are inserted one by one); the caller commits. Returns, per row in
   * order, the journal id and whether the event was already stored (a row repeating an earlier row
   * of the same group is a duplicate). After an exception the caller must roll back.
   */
  static List<LineageJournal.Appended> insert(Connection c, List<Row> rows) throws SQLException {
    Map<String, Row> distinct = new LinkedHashMap<>();
    rows.forEach(row -> distinct.putIfAbsent(row.identity(), row));
    Map<String, LineageJournal.Appended> stored;
    try {
      orderCommits(c);
      stored = batch(c, distinct.values());
    } catch (SQLException e) {
      if (!isDuplicateKey(e)) {
        throw e;
      }
      c.rollback();
      orderCommits(c);
      stored = rowByRow(c, distinct.values());
    }
    List<LineageJournal.Appended> results = new ArrayList<>(rows.size());
    Map<String, Boolean> answered = new LinkedHashMap<>();
    for (Row row : rows) {
      LineageJournal.Appended appended = stored.get(row.identity());
      boolean first = answered.putIfAbsent(row.identity(), Boolean.TRUE) == null;
      results.add(first ? appended : new LineageJournal.Appended(appended.id(), true));
    }
    return results;
  }

  /**
   * On PostgreSQL, where several nodes append: takes a transaction-level advisory lock before any
   * id is drawn, so that groups draw their ids and commit in the same order. A reader that sees an
   * id then never later sees a smaller one appear (ids drawn by a transaction still open when a
   * larger one committed), so the projections can follow the journal by id. One lock per group, not
   * per event. H2 has one writer, the journal's own thread.
   */
  private static void orderCommits(Connection c) throws SQLException {
    if (!CatalogJournal.postgres(c)) {
      return;
    }
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, APPEND_LOCK);
      lock.execute();
    }
  }

  private static Map<String, LineageJournal.Appended> batch(Connection c, Iterable<Row> rows)
      throws SQLException {
    List<String> order = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"})) {
      for (Row row : rows) {
        bind(insert, row, now);
        insert.addBatch();
        order.add(row.identity());
      }
      insert.executeBatch();
      Map<String, LineageJournal.Appended> stored = new LinkedHashMap<>();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        for (String identity : order) {
          if (!keys.next()) {
            throw new SQLException("the database returned fewer generated ids than rows");
          }
          stored.put(identity, new LineageJournal.Appended(keys.getLong(1), false));
        }
      }
      return stored;
    }
  }

  private static Map<String, LineageJournal.Appended> rowByRow(Connection c, Iterable<Row> rows)
      throws SQLException {
    Map<String, LineageJournal.Appended> stored = new LinkedHashMap<>();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"});
        PreparedStatement select = c.prepareStatement(SELECT_ID)) {
      for (Row row : rows) {
        Savepoint beforeRow = c.setSavepoint();
        try {
          bind(insert, row, now);
          insert.executeUpdate();
          try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            stored.put(row.identity(), new LineageJournal.Appended(keys.getLong(1), false));
          }
        } catch (SQLException e) {
          if (!isDuplicateKey(e)) {
            throw e;
          }
          // PostgreSQL aborts the transaction on a failed statement unless it is rolled back to a
          // savepoint; H2 does not need it, and it does no harm there
          c.rollback(beforeRow);
          stored.put(row.identity(), new LineageJournal.Appended(existingId(select, row), true));
        }
      }
    }
    return stored;
  }

  private static long existingId(PreparedStatement select, Row row) throws SQLException {
    select.setString(1, row.identity());
    try (ResultSet rs = select.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("event " + row.identity() + " is neither insertable nor stored");
      }
      return rs.getLong(1);
    }
  }

  /** A unique-key violation, also when a driver wraps it (a batch reports it as the cause). */
  static boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if (isIntegrityViolation(sql)) {
          return true;
        }
        for (SQLException next = sql.getNextException(); next != null; ) {
          if (isIntegrityViolation(next)) {
            return true;
          }
          next = next.getNextException();
        }
      }
    }
    return false;
  }

  private static boolean isIntegrityViolation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  private static void bind(PreparedStatement insert, Row row, OffsetDateTime receivedAt)
      throws SQLException {
    insert.setString(1, row.identity());
    switch (row.event()) {
      case LineageEvent.RunEvent e -> {
        insert.setString(2, "RunEvent");
        insert.setString(3, e.eventType().name());
        insert.setString(5, e.runId());
        insert.setString(6, e.job().namespace());
        insert.setString(7, e.job().name());
      }
      case LineageEvent.DatasetEvent e -> {
        insert.setString(2, "DatasetEvent");
        insert.setString(3, null);
        insert.setString(5, null);
        insert.setString(6, null);
        insert.setString(7, null);
      }
      case LineageEvent.JobEvent e -> {
        insert.setString(2, "JobEvent");
        insert.setString(3, null);
        insert.setString(5, null);
        insert.setString(6, e.job().namespace());
        insert.setString(7, e.job().name());
      }
    }
    insert.setObject(4, row.event().eventTime().withOffsetSameInstant(ZoneOffset.UTC));
    insert.setString(8, row.event().producer());
    insert.setBytes(9, row.deflated());
    insert.setObject(10, receivedAt);
    insert.setString(11, row.postedBy());
  }
}
