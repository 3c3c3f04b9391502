package io.tessera.catalogserver.persistence;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Descriptor revisions in the relational database ({@code descriptor_revision}). */
@Singleton
public class RevisionRepository {
  private static final String COLUMNS =
      "entity_iri, kind, domain_name, entity_name, revision, action, content_hash, descriptor,"
          + " changes, actor, applied_at, source_channel, source_commit";

  private static final int LATEST_CHUNK = 500;

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
    insertAll(connection, List.of(revision));
  }

  /** Inserts revisions in the caller's transaction, as one batch. */
  public void insertAll(Connection connection, List<Revision> revisions) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO descriptor_revision ("
                + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (Revision revision : revisions) {
        bind(insert, revision);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement insert, Revision revision) throws SQLException {
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
    insert.setString(12, revision.channel());
    insert.setString(13, revision.commit());
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

  /**
   * The newest revision of each entity that has one, in one query per chunk of entities rather than
   * one per entity.
   */
  public Map<String, Revision> latest(Collection<String> entityIris) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(entityIris));
    Map<String, Revision> found = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += LATEST_CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LATEST_CHUNK));
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      String sql =
          "SELECT "
              + COLUMNS
              + " FROM descriptor_revision r WHERE entity_iri IN ("
              + marks
              + ") AND revision = (SELECT MAX(revision) FROM descriptor_revision m"
              + " WHERE m.entity_iri = r.entity_iri)";
      for (Revision revision : query(sql, chunk)) {
        found.put(revision.entityIri(), revision);
      }
    }
    return found;
  }

  /** The newest revision of every entity of the given domains (deleted ones included). */
  public List<Revision> latestInDomains(Collection<String> domains) {
    if (domains.isEmpty()) {
      return List.of();
    }
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(domains));
    String marks = String.join(",", Collections.nCopies(distinct.size(), "?"));
    return query(
        "SELECT "
            + COLUMNS
            + " FROM descriptor_revision r WHERE domain_name IN ("
            + marks
            + ") AND revision = (SELECT MAX(revision) FROM descriptor_revision m"
            + " WHERE m.entity_iri = r.entity_iri) ORDER BY entity_iri",
        distinct);
  }

  /**
   * The revision of an entity in force at {@code asOf}: the newest one applied at or before it
   * (possibly a deletion), or none when the entity had not been applied yet.
   */
  public Optional<Revision> inForce(String entityIri, Instant asOf) {
    return timed(
            "SELECT "
                + COLUMNS
                + " FROM descriptor_revision WHERE entity_iri = ? AND applied_at <= ?"
                + " ORDER BY revision DESC FETCH FIRST 1 ROWS ONLY",
            List.of(entityIri),
            asOf,
            1)
        .stream()
        .findFirst();
  }

  /**
   * The revision in force at {@code asOf} of every entity of a kind ({@code DataProduct}, {@code
   * Policy}...) in the given domains ({@code global} for global policies), deletions included, in
   * entity order; every domain when {@code domains} is empty.
   */
  public List<Revision> inForce(String kind, Collection<String> domains, Instant asOf) {
    List<String> values = new ArrayList<>();
    values.add(kind);
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(domains));
    values.addAll(distinct);
    String inDomains =
        distinct.isEmpty()
            ? ""
            : " AND domain_name IN ("
                + String.join(",", Collections.nCopies(distinct.size(), "?"))
                + ")";
    return timed(
        "SELECT "
            + COLUMNS
            + " FROM descriptor_revision r WHERE kind = ?"
            + inDomains
            + " AND applied_at <= ? AND revision = (SELECT MAX(revision) FROM descriptor_revision m"
            + " WHERE m.entity_iri = r.entity_iri AND m.applied_at <= ?) ORDER BY entity_iri",
        values,
        asOf,
        2);
  }

  /** Runs a query binding {@code values}, then {@code asOf} to its {@code times} last markers. */
  private List<Revision> timed(String sql, List<String> values, Instant asOf, int times) {
    OffsetDateTime at = OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int i = 1;
      for (String value : values) {
        select.setString(i++, value);
      }
      for (int t = 0; t < times; t++) {
        select.setObject(i++, at);
      }
      return read(select);
    } catch (SQLException e) {
      throw new RevisionStoreException("cannot read the revisions in force at " + asOf, e);
    }
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
    return query(sql, List.of(entityIri));
  }

  private List<Revision> query(String sql, List<String> entityIris) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < entityIris.size(); i++) {
        select.setString(i + 1, entityIris.get(i));
      }
      return read(select);
    } catch (SQLException e) {
      throw new RevisionStoreException(
          "cannot read revisions of "
              + (entityIris.size() == 1 ? entityIris.getFirst() : entityIris.size() + " entities"),
          e);
    }
  }

  private static List<Revision> read(PreparedStatement select) throws SQLException {
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
                rs.getObject(11, OffsetDateTime.class).toInstant(),
                rs.getString(12),
                rs.getString(13)));
      }
    }
    return revisions;
  }
}
