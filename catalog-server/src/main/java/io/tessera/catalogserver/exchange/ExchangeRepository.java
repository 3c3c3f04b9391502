package io.tessera.catalogserver.exchange;

import static io.tessera.catalogserver.persistence.SqlTime.instant;
import static io.tessera.catalogserver.persistence.SqlTime.time;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The record of the exchange in the relational database: access requests with their transitions
 * ({@code access_request}, {@code access_request_transition}), interest ({@code product_interest})
 * and inbox items ({@code inbox_item}). Plain JDBC; a state change is one conditional update, so of
 * two concurrent transitions of one request exactly one applies.
 */
@Singleton
public class ExchangeRepository {
  private static final String COLUMNS =
      "id, product_domain, product_name, port, requester, purpose, purpose_code, intended_use,"
          + " duration_days, state, created_at, updated_at, decided_by, agreement_start,"
          + " agreement_expires, agreement_ended";

  private final DataSource dataSource;

  public ExchangeRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A request as stored. */
  public record Row(
      String id,
      String domain,
      String name,
      String port,
      String requester,
      String purpose,
      String purposeCode,
      String intendedUse,
      int durationDays,
      AccessRequest.State state,
      Instant createdAt,
      Instant updatedAt,
      String decidedBy,
      Instant agreementStart,
      Instant agreementExpires,
      Instant agreementEnded) {
    public String product() {
      return domain + "/" + name;
    }

    /** The key that makes one open request per requester and target. */
    String openKey() {
      return domain + "/" + name + "#" + (port == null ? "" : port) + "|" + requester;
    }
  }

  /** A registered interest. */
  @io.micronaut.serde.annotation.Serdeable
  public record Interest(
      String product, String subject, String useCase, Instant createdAt, Instant updatedAt) {}

  /** How much interest a product has. */
  @io.micronaut.serde.annotation.Serdeable
  public record Demand(String product, int count, Instant latest) {}

  /** An inbox item. */
  @io.micronaut.serde.annotation.Serdeable
  public record InboxItem(
      long id,
      String subject,
      String kind,
      String product,
      String requestId,
      String message,
      Instant createdAt,
      Instant readAt) {}

  /** A connection in a transaction; the caller commits. */
  public Connection begin() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** Inserts a new request (state requested); false when an open one for the target exists. */
  public boolean insert(Connection c, Row r) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO access_request ("
                + COLUMNS
                + ", open_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      insert.setString(1, r.id());
      insert.setString(2, r.domain());
      insert.setString(3, r.name());
      insert.setString(4, r.port());
      insert.setString(5, r.requester());
      insert.setString(6, r.purpose());
      insert.setString(7, r.purposeCode());
      insert.setString(8, r.intendedUse());
      insert.setInt(9, r.durationDays());
      insert.setString(10, r.state().name());
      insert.setObject(11, time(r.createdAt()));
      insert.setObject(12, time(r.updatedAt()));
      insert.setString(13, r.decidedBy());
      insert.setObject(14, time(r.agreementStart()));
      insert.setObject(15, time(r.agreementExpires()));
      insert.setObject(16, time(r.agreementEnded()));
      insert.setString(17, r.state().open() ? r.openKey() : null);
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Moves a request from {@code from} to the state of {@code next} (with its decision and agreement
   * fields); false when it was not in {@code from} any more (another transition won).
   */
  public boolean update(Connection c, AccessRequest.State from, Row next) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE access_request SET state = ?, updated_at = ?, decided_by = ?,"
                + " agreement_start = ?, agreement_expires = ?, agreement_ended = ?, open_key = ?"
                + " WHERE id = ? AND state = ?")) {
      update.setString(1, next.state().name());
      update.setObject(2, time(next.updatedAt()));
      update.setString(3, next.decidedBy());
      update.setObject(4, time(next.agreementStart()));
      update.setObject(5, time(next.agreementExpires()));
      update.setObject(6, time(next.agreementEnded()));
      update.setString(7, next.state().open() ? next.openKey() : null);
      update.setString(8, next.id());
      update.setString(9, from.name());
      return update.executeUpdate() == 1;
    }
  }

  /** Records one transition. */
  public void transition(Connection c, String requestId, AccessRequest.Transition t)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO access_request_transition (request_id, from_state, to_state, actor,"
                + " reason, occurred_at) VALUES (?,?,?,?,?,?)")) {
      insert.setString(1, requestId);
      insert.setString(2, t.from());
      insert.setString(3, t.to());
      insert.setString(4, t.by());
      insert.setString(5, t.reason());
      insert.setObject(6, time(t.at()));
      insert.executeUpdate();
    }
  }

  /** One request. */
  public Optional<Row> find(String id) {
    return rows("SELECT " + COLUMNS + " FROM access_request WHERE id = ?", List.of(id)).stream()
        .findFirst();
  }

  /** A requester's requests, newest first. */
  public List<Row> byRequester(String requester, int limit) {
    return rows(
        "SELECT "
            + COLUMNS
            + " FROM access_request WHERE requester = ? ORDER BY created_at DESC, id LIMIT "
            + limit,
        List.of(requester));
  }

  /** The requests on the products of these domains (every domain when null), newest first. */
  public List<Row> byDomains(Collection<String> domains, int limit) {
    if (domains != null && domains.isEmpty()) {
      return List.of();
    }
    String where =
        domains == null
            ? ""
            : " WHERE product_domain IN ("
                + String.join(",", java.util.Collections.nCopies(domains.size(), "?"))
                + ")";
    return rows(
        "SELECT "
            + COLUMNS
            + " FROM access_request"
            + where
            + " ORDER BY created_at DESC, id LIMIT "
            + limit,
        domains == null ? List.of() : List.copyOf(domains));
  }

  /** Every request that has (or had) an agreement: the record the agreement graphs project. */
  public List<Row> withAgreements() {
    return rows(
        "SELECT " + COLUMNS + " FROM access_request WHERE agreement_start IS NOT NULL", List.of());
  }

  /** Active requests whose agreement expired before this instant. */
  public List<Row> expiredBy(Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM access_request WHERE state = 'ACTIVE' AND agreement_expires <= ?")) {
      select.setObject(1, time(now));
      return read(select);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read access requests", e);
    }
  }

  /** The transitions of a request, oldest first. */
  public List<AccessRequest.Transition> transitions(String requestId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT from_state, to_state, actor, occurred_at, reason FROM"
                    + " access_request_transition WHERE request_id = ? ORDER BY id")) {
      select.setString(1, requestId);
      List<AccessRequest.Transition> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(
              new AccessRequest.Transition(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  instant(rows.getObject(4, OffsetDateTime.class)),
                  rows.getString(5)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read access request transitions", e);
    }
  }

  /** Registers or updates a subject's interest in a product; true when it is new. */
  public boolean putInterest(
      String domain, String name, String subject, String useCase, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE product_interest SET use_case = ?, updated_at = ? WHERE product_domain = ?"
                    + " AND product_name = ? AND subject = ?")) {
      update.setString(1, useCase);
      update.setObject(2, time(at));
      update.setString(3, domain);
      update.setString(4, name);
      update.setString(5, subject);
      if (update.executeUpdate() == 1) {
        return false;
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO product_interest (product_domain, product_name, subject, use_case,"
                  + " created_at, updated_at) VALUES (?,?,?,?,?,?)")) {
        insert.setString(1, domain);
        insert.setString(2, name);
        insert.setString(3, subject);
        insert.setString(4, useCase);
        insert.setObject(5, time(at));
        insert.setObject(6, time(at));
        insert.executeUpdate();
        return true;
      }
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        return false; // registered concurrently: the same outcome
      }
      throw new IllegalStateException("could not record the interest", e);
    }
  }

  /** Withdraws a subject's interest; false when there was none. */
  public boolean removeInterest(String domain, String name, String subject) {
    return update(
            "DELETE FROM product_interest WHERE product_domain = ? AND product_name = ? AND"
                + " subject = ?",
            domain,
            name,
            subject)
        == 1;
  }

  /** The interest in one product, newest first. */
  public List<Interest> interest(String domain, String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT subject, use_case, created_at, updated_at FROM product_interest WHERE"
                    + " product_domain = ? AND product_name = ? ORDER BY updated_at DESC,"
                    + " subject")) {
      select.setString(1, domain);
      select.setString(2, name);
      List<Interest> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Interest(
                  domain + "/" + name,
                  rows.getString(1),
                  rows.getString(2),
                  instant(rows.getObject(3, OffsetDateTime.class)),
                  instant(rows.getObject(4, OffsetDateTime.class))));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read interest", e);
    }
  }

  /** Interest per product (of one domain, or all), most wanted first. */
  public List<Demand> demand(String domain) {
    String sql =
        "SELECT product_domain, product_name, COUNT(*), MAX(updated_at) FROM product_interest"
            + (domain == null ? "" : " WHERE product_domain = ?")
            + " GROUP BY product_domain, product_name ORDER BY COUNT(*) DESC, MAX(updated_at)"
            + " DESC";
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      if (domain != null) {
        select.setString(1, domain);
      }
      List<Demand> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Demand(
                  rows.getString(1) + "/" + rows.getString(2),
                  rows.getInt(3),
                  instant(rows.getObject(4, OffsetDateTime.class))));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read demand", e);
    }
  }

  /**
   * Tells everyone interested in the product that it turned physical, once per subject: an inbox
   * item for each interested subject that has none of this kind for the product yet.
   *
   * @return how many items were added
   */
  public int notifyPhysical(String domain, String name, String message, Instant at) {
    return update(
        "INSERT INTO inbox_item (subject, kind, product_domain, product_name, message,"
            + " created_at) SELECT i.subject, 'product-physical', i.product_domain,"
            + " i.product_name, ?, ? FROM product_interest i WHERE i.product_domain = ? AND"
            + " i.product_name = ? AND NOT EXISTS (SELECT 1 FROM inbox_item x WHERE x.subject ="
            + " i.subject AND x.kind = 'product-physical' AND x.product_domain = i.product_domain"
            + " AND x.product_name = i.product_name)",
        message,
        time(at),
        domain,
        name);
  }

  /** Adds an inbox item inside a transaction. */
  public void addItem(Connection c, InboxItem item) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO inbox_item (subject, kind, product_domain, product_name, request_id,"
                + " message, created_at) VALUES (?,?,?,?,?,?,?)")) {
      String[] product = item.product() == null ? new String[2] : item.product().split("/", 2);
      insert.setString(1, item.subject());
      insert.setString(2, item.kind());
      insert.setString(3, product[0]);
      insert.setString(4, product[1]);
      insert.setString(5, item.requestId());
      insert.setString(6, item.message());
      insert.setObject(7, time(item.createdAt()));
      insert.executeUpdate();
    }
  }

  /** A subject's inbox, newest first. */
  public List<InboxItem> inbox(String subject, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, subject, kind, product_domain, product_name, request_id, message,"
                    + " created_at, read_at FROM inbox_item WHERE subject = ? ORDER BY created_at"
                    + " DESC, id DESC LIMIT "
                    + limit)) {
      select.setString(1, subject);
      List<InboxItem> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String domain = rows.getString(4);
          found.add(
              new InboxItem(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  domain == null ? null : domain + "/" + rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  instant(rows.getObject(8, OffsetDateTime.class)),
                  instant(rows.getObject(9, OffsetDateTime.class))));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the inbox", e);
    }
  }

  /** Marks a subject's item read; false when the subject has no such item. */
  public boolean markRead(String subject, long id, Instant at) {
    return update(
            "UPDATE inbox_item SET read_at = COALESCE(read_at, ?) WHERE id = ? AND subject = ?",
            time(at),
            id,
            subject)
        == 1;
  }

  private int update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the exchange record", e);
    }
  }

  private List<Row> rows(String sql, List<String> parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        select.setString(i + 1, parameters.get(i));
      }
      return read(select);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read access requests", e);
    }
  }

  private static List<Row> read(PreparedStatement select) throws SQLException {
    List<Row> found = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        found.add(
            new Row(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getInt(9),
                AccessRequest.State.valueOf(rows.getString(10)),
                instant(rows.getObject(11, OffsetDateTime.class)),
                instant(rows.getObject(12, OffsetDateTime.class)),
                rows.getString(13),
                instant(rows.getObject(14, OffsetDateTime.class)),
                instant(rows.getObject(15, OffsetDateTime.class)),
                instant(rows.getObject(16, OffsetDateTime.class))));
      }
    }
    return found;
  }
}
