package io.tessera.catalogserver.health;

import static io.tessera.catalogserver.persistence.SqlTime.instant;
import static io.tessera.catalogserver.persistence.SqlTime.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Product health in the relational database: the current status per product (port {@code ""}) and
 * output port ({@code product_health}), every change ({@code health_change}) and the last state of
 * each SLO objective ({@code slo_status}).
 */
@Singleton
public class HealthRepository {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final DataSource dataSource;

  public HealthRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A stored status. */
  @Serdeable
  public record Stored(String port, String status, List<Reason> reasons, Instant since) {}

  /** One change of a product's or port's health. */
  @Serdeable
  public record Change(
      String port, String previous, String status, List<Reason> reasons, Instant at) {}

  /** The last state of an objective. */
  record Objective(boolean breached, String detail) {}

  /** The stored statuses of a product by port ({@code ""} for the product). */
  Map<String, Stored> current(Connection c, String domain, String name) throws SQLException {
    Map<String, Stored> out = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT port, status, reasons, since FROM product_health WHERE product_domain = ? AND"
                + " product_name = ?")) {
      s.setString(1, domain);
      s.setString(2, name);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(
              r.getString(1),
              new Stored(r.getString(1), r.getString(2), reasons(r.getString(3)), instant(r, 4)));
        }
      }
    }
    return out;
  }

  /** The stored statuses of a product, read outside a transaction. */
  public Map<String, Stored> current(String domain, String name) {
    try (Connection c = dataSource.getConnection()) {
      return current(c, domain, name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read product health", e);
    }
  }

  void put(Connection c, String domain, String name, Stored s, Instant evaluatedAt)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM product_health WHERE product_domain = ? AND product_name = ? AND port ="
                + " ?")) {
      delete.setString(1, domain);
      delete.setString(2, name);
      delete.setString(3, s.port());
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO product_health (product_domain, product_name, port, status, reasons,"
                + " since, evaluated_at) VALUES (?,?,?,?,?,?,?)")) {
      insert.setString(1, domain);
      insert.setString(2, name);
      insert.setString(3, s.port());
      insert.setString(4, s.status());
      insert.setString(5, json(s.reasons()));
      insert.setObject(6, time(s.since()));
      insert.setObject(7, time(evaluatedAt));
      insert.executeUpdate();
    }
  }

  void removePorts(Connection c, String domain, String name, List<String> keep)
      throws SQLException {
    for (String port : current(c, domain, name).keySet()) {
      if (!port.isEmpty() && !keep.contains(port)) {
        try (PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM product_health WHERE product_domain = ? AND product_name = ? AND"
                    + " port = ?")) {
          delete.setString(1, domain);
          delete.setString(2, name);
          delete.setString(3, port);
          delete.executeUpdate();
        }
      }
    }
  }

  void changed(Connection c, String domain, String name, Change change) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO health_change (product_domain, product_name, port, previous, status,"
                + " reasons, changed_at) VALUES (?,?,?,?,?,?,?)")) {
      insert.setString(1, domain);
      insert.setString(2, name);
      insert.setString(3, change.port() == null ? "" : change.port());
      insert.setString(4, change.previous());
      insert.setString(5, change.status());
      insert.setString(6, json(change.reasons()));
      insert.setObject(7, time(change.at()));
      insert.executeUpdate();
    }
  }

  /** A product's health changes, newest first. */
  public List<Change> history(String domain, String name, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT port, previous, status, reasons, changed_at FROM health_change WHERE"
                    + " product_domain = ? AND product_name = ? ORDER BY id DESC LIMIT "
                    + Math.max(1, limit))) {
      s.setString(1, domain);
      s.setString(2, name);
      List<Change> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String port = r.getString(1);
          out.add(
              new Change(
                  port.isEmpty() ? null : port,
                  r.getString(2),
                  r.getString(3),
                  reasons(r.getString(4)),
                  instant(r, 5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read health history", e);
    }
  }

  /** The last states of a product's objectives, by {@code port/objective}. */
  Map<String, Objective> objectives(Connection c, String domain, String name) throws SQLException {
    Map<String, Objective> out = new HashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT port, objective, breached, detail FROM slo_status WHERE product_domain = ?"
                + " AND product_name = ?")) {
      s.setString(1, domain);
      s.setString(2, name);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.put(
              r.getString(1) + "/" + r.getString(2),
              new Objective(r.getBoolean(3), r.getString(4)));
        }
      }
    }
    return out;
  }

  void putObjective(
      Connection c,
      String domain,
      String name,
      String port,
      String objective,
      Objective state,
      Instant at)
      throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM slo_status WHERE product_domain = ? AND product_name = ? AND port = ?"
                + " AND objective = ?")) {
      delete.setString(1, domain);
      delete.setString(2, name);
      delete.setString(3, port);
      delete.setString(4, objective);
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO slo_status (product_domain, product_name, port, objective, breached,"
                + " detail, since) VALUES (?,?,?,?,?,?,?)")) {
      insert.setString(1, domain);
      insert.setString(2, name);
      insert.setString(3, port);
      insert.setString(4, objective);
      insert.setBoolean(5, state.breached());
      String detail = state.detail();
      insert.setString(
          6, detail != null && detail.length() > 1024 ? detail.substring(0, 1024) : detail);
      insert.setObject(7, time(at));
      insert.executeUpdate();
    }
  }

  /** Forgets a product's health (it was deleted); its history stays. */
  void forget(Connection c, String domain, String name) throws SQLException {
    for (String table : List.of("product_health", "slo_status")) {
      try (PreparedStatement delete =
          c.prepareStatement(
              "DELETE FROM " + table + " WHERE product_domain = ? AND product_name = ?")) {
        delete.setString(1, domain);
        delete.setString(2, name);
        delete.executeUpdate();
      }
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Reason> reasons(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<Reason>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }
}
