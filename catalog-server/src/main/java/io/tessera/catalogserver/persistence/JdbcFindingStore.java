package io.tessera.catalogserver.persistence;

import io.tessera.governance.Finding;
import io.tessera.governance.FindingStore;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** Toxic-combination findings in the relational database ({@code policy_finding}). */
@Singleton
public class JdbcFindingStore implements FindingStore {
  private static final String SEPARATOR = "\n";
  private final DataSource dataSource;

  public JdbcFindingStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records a finding; false when the same one was recorded before. */
  public boolean record(Finding f) {
    String[] job = f.job().split(":", 2);
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement exists =
          c.prepareStatement(
              "SELECT 1 FROM policy_finding WHERE policy = ? AND job_namespace = ? AND job_name = ?"
                  + " AND combination = ? AND outputs = ?")) {
        exists.setString(1, f.policy());
        exists.setString(2, job[0]);
        exists.setString(3, job[1]);
        exists.setString(4, join(f.combination()));
        exists.setString(5, join(f.outputs()));
        try (ResultSet rows = exists.executeQuery()) {
          if (rows.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO policy_finding (found_at, policy, job_namespace, job_name, combination,"
                  + " result, inputs, outputs, output_products, owners) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
        insert.setObject(1, OffsetDateTime.ofInstant(f.foundAt(), ZoneOffset.UTC));
        insert.setString(2, f.policy());
        insert.setString(3, job[0]);
        insert.setString(4, job[1]);
        insert.setString(5, join(f.combination()));
        insert.setString(6, f.result());
        insert.setString(7, join(f.inputs()));
        insert.setString(8, join(f.outputs()));
        insert.setString(9, join(f.outputProducts()));
        insert.setString(10, join(f.owners()));
        insert.executeUpdate();
        return true;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the policy finding", e);
    }
  }

  /** Every finding, oldest first. */
  public List<Finding> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, found_at, policy, job_namespace, job_name, combination, result, inputs,"
                    + " outputs, output_products, owners FROM policy_finding ORDER BY id");
        ResultSet rows = select.executeQuery()) {
      List<Finding> found = new ArrayList<>();
      while (rows.next()) {
        found.add(
            new Finding(
                rows.getLong(1),
                rows.getObject(2, OffsetDateTime.class).toInstant(),
                rows.getString(3),
                rows.getString(4) + ":" + rows.getString(5),
                split(rows.getString(6)),
                rows.getString(7),
                split(rows.getString(8)),
                split(rows.getString(9)),
                split(rows.getString(10)),
                split(rows.getString(11))));
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the policy findings", e);
    }
  }

  /** The classifications each product inherits from findings. */
  public Map<String, Set<String>> inherited() {
    Map<String, Set<String>> inherited = new HashMap<>();
    for (Finding f : list()) {
      for (String product : f.outputProducts()) {
        inherited.computeIfAbsent(product, k -> new HashSet<>()).add(f.result());
      }
    }
    return inherited;
  }

  private static String join(List<String> values) {
    return String.join(SEPARATOR, values);
  }

  private static List<String> split(String value) {
    return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(SEPARATOR));
  }

  static Instant now() {
    return Instant.now();
  }
}
