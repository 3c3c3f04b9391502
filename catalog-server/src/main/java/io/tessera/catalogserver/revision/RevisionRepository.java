package io.tessera.catalogserver.revision;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Descriptor revisions in the relational database ({@code descriptor_revision}). */
@Singleton
public class RevisionRepository {
  private static final String COLUMNS =
      "entity_iri, kind, domain_name, entity_name, revision, action, content_hash, descriptor,"
          + " changes, actor, applied_at";

  private final DataSource dataSource;

  public RevisionRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A connection for a transaction spanning several inserts; the caller commits. */
  public Connection begin() throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    return connection;
  }

  /** Inserts a revision in the caller's transaction. */
  public void insert(Connection connection, Revision revision) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO descriptor_revision (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      insert.setString(1, revision.entityIri());
      insert.setString(2, revision.kind());
      insert.setString(3, revision.domain());
      insert.setString(4, revision.name());
      insert.setInt(5, revision.revision());
      insert.setString(6, revision.action());
      insert.setString(7, revision.contentHash());
      insert.setString(8, revision.descriptor());
      insert.setString(9, revision.changes());
      insert.setString(10, revision.actor());
      insert.setObject(11, OffsetDateTime.ofInstant(revision.appliedAt(), ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  /** The newest revision of an entity. */
  public Optional<Revision> latest(String entityIri) {
    List<Revision> found =
        query(
            "SELECT "
                + COLUMNS
                + " FROM descriptor_revision WHERE entity_iri = ?"
                + " ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY",
            entityIri);
    return found.stream().findFirst();
  }

  /** Every revision of an entity, oldest first. */
  public List<Revision> history(String entityIri) {
    return query(
        "SELECT " + COLUMNS + " FROM descriptor_revision WHERE entity_iri = ? ORDER BY revision",
        entityIri);
  }

  /** One revision of an entity. */
  public Optional<Revision> find(String entityIri, int revision) {
    return history(entityIri).stream().filter(r -> r.revision() == revision).findFirst();
  }

  private List<Revision> query(String sql, String entityIri) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, entityIri);
      List<Revision> revisions = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          revisions.add(
              new Revision(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getObject(11, OffsetDateTime.class).toInstant()));
        }
      }
      return revisions;
    } catch (SQLException e) {
      throw new RevisionStoreException("cannot read revisions of " + entityIri, e);
    }
  }
}
