package io.tessera.catalogserver.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only audit log ({@code audit_event}): every write, every denial, token creation and
 * revocation. Rows are only ever inserted. Other parts of the server (e.g. a SPARQL endpoint
 * logging admin queries) call {@link #record}.
 */
@Singleton
public class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
  private static final int MAX_DETAIL = 4000;

  private final DataSource dataSource;
  private final Clock clock = Clock.systemUTC();

  public AuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Appends an event without revisions. */
  public void record(String subject, String action, String entity, String outcome, String detail) {
    record(subject, action, entity, outcome, null, null, detail);
  }

  /** Appends an event. A failure to write is logged and does not fail the caller's operation. */
  public void record(
      String subject,
      String action,
      String entity,
      String outcome,
      Integer beforeRevision,
      Integer afterRevision,
      String detail) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_event (occurred_at, subject, action, entity, outcome,"
                    + " before_revision, after_revision, detail) VALUES (?,?,?,?,?,?,?,?)")) {
      insert.setObject(1, OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
      insert.setString(2, subject);
      insert.setString(3, action);
      insert.setString(4, entity);
      insert.setString(5, outcome);
      setInt(insert, 6, beforeRevision);
      setInt(insert, 7, afterRevision);
      insert.setString(
          8,
          detail == null || detail.length() <= MAX_DETAIL
              ? detail
              : detail.substring(0, MAX_DETAIL));
      insert.executeUpdate();
    } catch (SQLException e) {
      LOG.error("could not append to the audit log: {} {} {}", subject, action, outcome, e);
    }
  }

  /**
   * A filter over the log; null fields match anything.
   *
   * @param cursor the id of the last event of the previous page, 0 for the first page
   * @param newestFirst whether pages go from the newest event back (then events before {@code
   *     cursor}) instead of from the oldest forward (events after {@code cursor})
   */
  public record Query(
      String subject,
      String entity,
      String action,
      Instant from,
      Instant to,
      long cursor,
      boolean newestFirst,
      int limit) {}

  /** Events matching the query in the query's order, after its cursor (keyset paging). */
  public List<AuditEvent> find(Query query) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, occurred_at, subject, action, entity, outcome, before_revision,"
                + " after_revision, detail FROM audit_event WHERE ");
    List<Object> values = new ArrayList<>();
    if (query.newestFirst()) {
      sql.append("id < ?");
      values.add(query.cursor() == 0 ? Long.MAX_VALUE : query.cursor());
    } else {
      sql.append("id > ?");
      values.add(query.cursor());
    }
    if (query.subject() != null) {
      sql.append(" AND subject = ?");
      values.add(query.subject());
    }
    if (query.entity() != null) {
      sql.append(" AND entity = ?");
      values.add(query.entity());
    }
    if (query.action() != null) {
      sql.append(" AND action = ?");
      values.add(query.action());
    }
    if (query.from() != null) {
      sql.append(" AND occurred_at >= ?");
      values.add(OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
    }
    if (query.to() != null) {
      sql.append(" AND occurred_at < ?");
      values.add(OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
    }
    sql.append(query.newestFirst() ? " ORDER BY id DESC" : " ORDER BY id")
        .append(" FETCH FIRST ")
        .append(query.limit())
        .append(" ROWS ONLY");
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        select.setObject(i + 1, values.get(i));
      }
      List<AuditEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(
              new AuditEvent(
                  rows.getLong(1),
                  rows.getObject(2, OffsetDateTime.class).toInstant(),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  (Integer) rows.getObject(7),
                  (Integer) rows.getObject(8),
                  rows.getString(9)));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the audit log", e);
    }
  }

  /**
   * How often each subject recorded an action per entity and outcome, and when last: e.g. which
   * products each MCP caller used (action {@code mcp-call}). Rows without an entity count under a
   * null entity.
   */
  public record Usage(String subject, String entity, String outcome, long count, Instant last) {}

  /** Usage of one action by subject, entity and outcome; by subject, then most used first. */
  public List<Usage> usage(String action, int limit) {
    String sql =
        "SELECT subject, entity, outcome, COUNT(*), MAX(occurred_at) FROM audit_event"
            + " WHERE action = ? GROUP BY subject, entity, outcome"
            + " ORDER BY subject, COUNT(*) DESC FETCH FIRST "
            + limit
            + " ROWS ONLY";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setString(1, action);
      List<Usage> out = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          out.add(
              new Usage(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getLong(4),
                  rows.getObject(5, OffsetDateTime.class).toInstant()));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the audit log", e);
    }
  }

  private static void setInt(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }
}
