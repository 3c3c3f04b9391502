package io.tessera.catalogserver.persistence;

import static io.tessera.catalogserver.persistence.SqlTime.instant;
import static io.tessera.catalogserver.persistence.SqlTime.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** API tokens in the relational database ({@code api_token}); secrets only as SHA-256. */
@Singleton
public class TokenRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, subject, roles, domains, attributes, description, created_by, created_at, expires_at,"
          + " revoked_at, namespaces, agent, on_behalf_of";

  private final DataSource dataSource;

  public TokenRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores a new token under the hash of its secret. */
  public void insert(ApiToken token, String secretHash) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO api_token ("
                    + COLUMNS
                    + ", secret_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      insert.setString(1, token.id());
      insert.setString(2, token.subject());
      insert.setString(3, String.join(",", token.roles()));
      insert.setString(4, String.join(",", token.domains()));
      insert.setString(5, JSON.writeValueAsString(token.attributes()));
      insert.setString(6, token.description());
      insert.setString(7, token.createdBy());
      insert.setObject(8, time(token.createdAt()));
      insert.setObject(9, time(token.expiresAt()));
      insert.setObject(10, time(token.revokedAt()));
      insert.setString(11, JSON.writeValueAsString(token.namespaces()));
      insert.setBoolean(12, token.agent());
      insert.setString(13, token.onBehalfOf());
      insert.setString(14, secretHash);
      insert.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("could not store the API token", e);
    }
  }

  /** The token whose secret has this hash. */
  public Optional<ApiToken> findByHash(String secretHash) {
    return query("SELECT " + COLUMNS + " FROM api_token WHERE secret_hash = ?", secretHash).stream()
        .findFirst();
  }

  /** One token by id. */
  public Optional<ApiToken> find(String id) {
    return query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", id).stream().findFirst();
  }

  /** Every token, newest first; with a subject, only that subject's. */
  public List<ApiToken> list(String subject) {
    return subject == null
        ? query("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC, id", null)
        : query(
            "SELECT " + COLUMNS + " FROM api_token WHERE subject = ? ORDER BY created_at DESC, id",
            subject);
  }

  /** Whether a token created by this creator exists (e.g. the generated admin token). */
  public boolean existsCreatedBy(String createdBy) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT 1 FROM api_token WHERE created_by = ?")) {
      select.setString(1, createdBy);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read API tokens", e);
    }
  }

  /** Marks a token revoked; false when there is no such token or it was already revoked. */
  public boolean revoke(String id, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      update.setObject(1, time(at));
      update.setString(2, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not revoke the API token", e);
    }
  }

  private List<ApiToken> query(String sql, String parameter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      if (parameter != null) {
        select.setString(1, parameter);
      }
      List<ApiToken> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(
              new ApiToken(
                  rows.getString(1),
                  rows.getString(2),
                  split(rows.getString(3)),
                  split(rows.getString(4)),
                  JSON.readValue(rows.getString(11), new TypeReference<Set<String>>() {}),
                  JSON.readValue(
                      rows.getString(5), new TypeReference<Map<String, Set<String>>>() {}),
                  rows.getString(6),
                  rows.getString(7),
                  instant(rows.getObject(8, OffsetDateTime.class)),
                  instant(rows.getObject(9, OffsetDateTime.class)),
                  instant(rows.getObject(10, OffsetDateTime.class)),
                  rows.getBoolean(12),
                  rows.getString(13)));
        }
      }
      return found;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("could not read API tokens", e);
    }
  }

  private static Set<String> split(String value) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(value.split(",")).filter(s -> !s.isBlank()).forEach(out::add);
    return out;
  }
}
