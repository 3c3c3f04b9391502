package io.tessera.catalogserver.persistence;

import io.tessera.graphstore.GraphPatch;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The catalog journal ({@code catalog_journal}): the record of every catalog write, one gapless
 * ordered log shared by every node. A writer appends at the head + 1 inside its own transaction;
 * the primary key makes a second append at the same position fail, so two nodes never both take a
 * position (the loser catches up and retries). On PostgreSQL an append notifies the channel {@link
 * #CHANNEL} when it commits, so that the other nodes need not wait for their next poll.
 */
@Singleton
public class CatalogJournal {
  /** The PostgreSQL notification channel an append announces its position on. */
  public static final String CHANNEL = "tessera_catalog_journal";

  private final DataSource dataSource;

  public CatalogJournal(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A journal entry as stored. */
  public record Entry(
      long position,
      Instant recordedAt,
      String node,
      String kind,
      String subject,
      String actor,
      GraphPatch patch) {}

  /** What a write says about itself in the journal. */
  public record Write(String kind, String subject, String actor) {}

  /** The position was taken by another writer: catch up and retry. */
  public static final class PositionTaken extends Exception {
    public PositionTaken(long position) {
      super("journal position " + position + " was taken by another writer", null, false, false);
    }
  }

  /** A connection for a transaction; the caller commits. */
  public Connection begin() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /**
   * Appends an entry in the caller's transaction. Nothing else the transaction did is undone when
   * the position is taken.
   *
   * @throws PositionTaken when another writer has this position
   */
  public void append(
      Connection c, long position, String node, Write write, GraphPatch patch, Instant at)
      throws SQLException, PositionTaken {
    Savepoint before = c.setSavepoint();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO catalog_journal (position, recorded_at, node, kind, subject, actor,"
                + " changes, patch) VALUES (?,?,?,?,?,?,?,?)")) {
      insert.setLong(1, position);
      insert.setObject(2, SqlTime.time(at));
      insert.setString(3, node);
      insert.setString(4, write.kind());
      insert.setString(5, clip(write.subject(), 1024));
      insert.setString(6, clip(write.actor(), 255));
      insert.setString(7, patch.changesText());
      insert.setBytes(8, patch.isEmpty() ? null : JournalPayload.deflate(patch.rdfPatch()));
      insert.executeUpdate();
    } catch (SQLException e) {
      c.rollback(before);
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        throw new PositionTaken(position);
      }
      throw e;
    }
    if (postgres(c)) {
      try (PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        notify.setString(1, CHANNEL);
        notify.setString(2, Long.toString(position));
        notify.execute();
      }
    }
  }

  /** Entries after the position, in order, at most limit of them. */
  public List<Entry> after(long position, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT position, recorded_at, node, kind, subject, actor, changes, patch FROM"
                    + " catalog_journal WHERE position > ? ORDER BY position LIMIT ?")) {
      select.setLong(1, position);
      select.setInt(2, limit);
      List<Entry> entries = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          byte[] patch = rs.getBytes(8);
          String changes = rs.getString(7);
          entries.add(
              new Entry(
                  rs.getLong(1),
                  SqlTime.instant(rs, 2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  new GraphPatch(
                      patch == null ? "" : JournalPayload.inflate(patch),
                      GraphPatch.parseChanges(changes == null ? "" : changes))));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new JournalException("cannot read the catalog journal", e);
    }
  }

  /** The position of the newest entry (0 for none). */
  public long head() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM catalog_journal");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new JournalException("cannot read the catalog journal", e);
    }
  }

  /** Whether the database is PostgreSQL (whose connections can listen for notifications). */
  public boolean postgres() {
    try (Connection c = dataSource.getConnection()) {
      return postgres(c);
    } catch (SQLException e) {
      throw new JournalException("cannot reach the database", e);
    }
  }

  /** A connection of its own (for listening to notifications); the caller closes it. */
  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /**
   * Whether the connection is to PostgreSQL (the one test of the database kind in this package).
   */
  static boolean postgres(Connection c) throws SQLException {
    return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
