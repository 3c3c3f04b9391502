package io.tessera.catalogserver.persistence;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Snapshots of a node's graph in the relational database ({@code graph_snapshot}), streamed in and
 * out (a large object on PostgreSQL), and the catalog journal's retention.
 */
@Singleton
public class GraphSnapshots {
  private final DataSource dataSource;

  public GraphSnapshots(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What a snapshot holds, without its content. */
  public record Snapshot(
      long id,
      Instant createdAt,
      String node,
      long catalogPosition,
      long lineagePosition,
      long bytes) {}

  /** Reads a snapshot's content. */
  @FunctionalInterface
  public interface ContentReader {
    void read(InputStream content) throws IOException;
  }

  /** Stores a snapshot whose content is in the file. */
  public Snapshot save(
      Instant at, String node, long catalogPosition, long lineagePosition, Path content)
      throws IOException {
    long bytes = Files.size(content);
    try (Connection c = dataSource.getConnection();
        InputStream in = Files.newInputStream(content)) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO graph_snapshot (created_at, node, catalog_position, lineage_position,"
                  + " bytes, content) VALUES (?,?,?,?,?,?)",
              new String[] {"id"})) {
        insert.setObject(1, SqlTime.time(at));
        insert.setString(2, node);
        insert.setLong(3, catalogPosition);
        insert.setLong(4, lineagePosition);
        insert.setLong(5, bytes);
        insert.setBlob(6, in, bytes);
        insert.executeUpdate();
        long id;
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
        c.commit();
        return new Snapshot(id, at, node, catalogPosition, lineagePosition, bytes);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new JournalException("cannot store the snapshot", e);
    }
  }

  /** The snapshots, newest first. */
  public List<Snapshot> list() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, created_at, node, catalog_position, lineage_position, bytes FROM"
                    + " graph_snapshot ORDER BY id DESC")) {
      List<Snapshot> found = new ArrayList<>();
      while (rs.next()) {
        found.add(
            new Snapshot(
                rs.getLong(1),
                SqlTime.instant(rs, 2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6)));
      }
      return found;
    } catch (SQLException e) {
      throw new JournalException("cannot list the snapshots", e);
    }
  }

  /** The newest snapshot, if any. */
  public Optional<Snapshot> latest() {
    return list().stream().findFirst();
  }

  /** Streams a snapshot's content to the reader, in a transaction (large objects need one). */
  public void read(long id, ContentReader reader) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement select =
          c.prepareStatement("SELECT content FROM graph_snapshot WHERE id = ?")) {
        select.setLong(1, id);
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new IOException("snapshot " + id + " is gone");
          }
          Blob blob = rs.getBlob(1);
          try (InputStream in = blob.getBinaryStream()) {
            reader.read(in);
          } finally {
            blob.free();
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new JournalException("cannot read snapshot " + id, e);
    }
  }

  /**
   * Deletes all but the newest {@code keep} snapshots (their large objects too, on PostgreSQL).
   *
   * @return how many were deleted
   */
  public int prune(int keep) {
    List<Snapshot> all = list();
    int deleted = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      boolean postgres = CatalogJournal.postgres(c);
      for (Snapshot old : all.subList(Math.min(keep, all.size()), all.size())) {
        if (postgres) {
          try (PreparedStatement unlink =
              c.prepareStatement("SELECT lo_unlink(content) FROM graph_snapshot WHERE id = ?")) {
            unlink.setLong(1, old.id());
            unlink.execute();
          }
        }
        try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM graph_snapshot WHERE id = ?")) {
          delete.setLong(1, old.id());
          deleted += delete.executeUpdate();
        }
      }
      c.commit();
      return deleted;
    } catch (SQLException e) {
      throw new JournalException("cannot prune the snapshots", e);
    }
  }

  /**
   * Drops catalog journal entries at or below the position that were recorded before the time: a
   * node that lacks them starts from a snapshot at or after the position instead.
   *
   * @return how many were dropped
   */
  public int dropJournal(long upTo, Instant recordedBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM catalog_journal WHERE position <= ? AND recorded_at < ?")) {
      delete.setLong(1, upTo);
      delete.setObject(2, SqlTime.time(recordedBefore));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new JournalException("cannot apply the journal's retention", e);
    }
  }

  /** The oldest catalog journal position still kept, or 0 if the journal is empty. */
  public long oldestJournalPosition() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COALESCE(MIN(position), 0) FROM catalog_journal")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new JournalException("cannot read the catalog journal", e);
    }
  }
}
