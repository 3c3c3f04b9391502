package io.tessera.catalogserver.health;

import static io.tessera.catalogserver.persistence.SqlTime.instant;
import static io.tessera.catalogserver.persistence.SqlTime.time;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Incidents and their activity in the relational database ({@code incident}, {@code
 * incident_activity}). Writes take the caller's connection so that the change-feed event goes in
 * the same transaction.
 */
@Singleton
public class IncidentRepository {
  private static final String COLUMNS =
      "id, product_domain, product_name, port, kind, condition_key, severity, state, title,"
          + " detail, assignee, opened_by, opened_at, acknowledged_at, resolved_at, resolved_by";

  private final DataSource dataSource;

  public IncidentRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A connection in a transaction; the caller commits. */
  Connection begin() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  void insert(Connection c, Incident i) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO incident (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      s.setString(1, i.id());
      s.setString(2, i.domain());
      s.setString(3, i.name());
      s.setString(4, i.port());
      s.setString(5, i.kind());
      s.setString(6, i.condition());
      s.setString(7, i.severity());
      s.setString(8, i.state());
      s.setString(9, i.title().length() > 500 ? i.title().substring(0, 500) : i.title());
      s.setString(10, i.detail());
      s.setString(11, i.assignee());
      s.setString(12, i.openedBy());
      s.setObject(13, time(i.openedAt()));
      s.setObject(14, time(i.acknowledgedAt()));
      s.setObject(15, time(i.resolvedAt()));
      s.setString(16, i.resolvedBy());
      s.executeUpdate();
    }
  }

  /** Moves an incident from one state to another; false when it was not in {@code from}. */
  boolean transition(
      Connection c, String id, IncidentState from, IncidentState to, String by, Instant at)
      throws SQLException {
    String column = to == IncidentState.RESOLVED ? "resolved_at" : "acknowledged_at";
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE incident SET state = ?, "
                + column
                + " = ?"
                + (to == IncidentState.RESOLVED
                    ? ", resolved_by = ?"
                    : ", resolved_by = resolved_by")
                + " WHERE id = ? AND state = ?")) {
      s.setString(1, to.slug());
      s.setObject(2, time(at));
      int n = 3;
      if (to == IncidentState.RESOLVED) {
        s.setString(n++, by);
      }
      s.setString(n++, id);
      s.setString(n, from.slug());
      return s.executeUpdate() == 1;
    }
  }

  void assign(Connection c, String id, String assignee) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE incident SET assignee = ? WHERE id = ?")) {
      s.setString(1, assignee);
      s.setString(2, id);
      s.executeUpdate();
    }
  }

  void activity(Connection c, String id, Incident.Activity a) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO incident_activity (incident_id, action, actor, body, occurred_at)"
                + " VALUES (?,?,?,?,?)")) {
      s.setString(1, id);
      s.setString(2, a.action());
      s.setString(3, a.actor());
      s.setString(4, a.body());
      s.setObject(5, time(a.at()));
      s.executeUpdate();
    }
  }

  /** One incident with its activity. */
  public Optional<Incident> find(String id) {
    List<Incident> found = select("WHERE id = ?", List.of(id), 1);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(found.getFirst().withActivity(activity(id)));
  }

  /** Incidents of one product, newest first. */
  public List<Incident> ofProduct(String domain, String name, String state, int limit) {
    List<Object> args = new ArrayList<>(List.of(domain, name));
    String where = "WHERE product_domain = ? AND product_name = ?";
    if (state != null) {
      where += " AND state = ?";
      args.add(state);
    }
    return select(where, args, limit);
  }

  /** Incidents of a domain or of the mesh (domain null), newest first. */
  public List<Incident> list(String domain, String state, int limit) {
    List<Object> args = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    if (domain != null) {
      clauses.add("product_domain = ?");
      args.add(domain);
    }
    if (state != null) {
      clauses.add("state = ?");
      args.add(state);
    }
    return select(clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses), args, limit);
  }

  /** The incidents not resolved yet of a product. */
  List<Incident> unresolved(Connection c, String domain, String name) throws SQLException {
    return select(
        c,
        "WHERE product_domain = ? AND product_name = ? AND state <> 'resolved'",
        List.of(domain, name),
        10_000);
  }

  /** Whether an incident (in any state) was ever opened for the condition. */
  boolean exists(Connection c, String domain, String name, String condition) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM incident WHERE product_domain = ? AND product_name = ? AND"
                + " condition_key = ?")) {
      s.setString(1, domain);
      s.setString(2, name);
      s.setString(3, condition);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }

  List<Incident.Activity> activity(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT action, actor, body, occurred_at FROM incident_activity WHERE incident_id"
                    + " = ? ORDER BY id")) {
      s.setString(1, id);
      List<Incident.Activity> out = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          out.add(
              new Incident.Activity(
                  rows.getString(1), rows.getString(2), rows.getString(3), instant(rows, 4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read incident activity", e);
    }
  }

  private List<Incident> select(String where, List<Object> args, int limit) {
    try (Connection c = dataSource.getConnection()) {
      return select(c, where, args, limit);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read incidents", e);
    }
  }

  private List<Incident> select(Connection c, String where, List<Object> args, int limit)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM incident "
                + where
                + " ORDER BY opened_at DESC, id LIMIT "
                + Math.max(1, limit))) {
      for (int i = 0; i < args.size(); i++) {
        s.setObject(i + 1, args.get(i));
      }
      List<Incident> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Incident(
                  r.getString(1),
                  r.getString(2) + "/" + r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getString(9),
                  r.getString(10),
                  r.getString(11),
                  r.getString(12),
                  instant(r, 13),
                  instant(r, 14),
                  instant(r, 15),
                  r.getString(16),
                  List.of()));
        }
      }
      return out;
    }
  }
}
