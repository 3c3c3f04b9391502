package io.tessera.catalogserver.notify;

import static io.tessera.catalogserver.persistence.SqlTime.instant;
import static io.tessera.catalogserver.persistence.SqlTime.time;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The record of subscriptions ({@code subscription}), their deliveries ({@code notify_delivery})
 * and the dispatcher's cursor ({@code notify_cursor}); changeset 010. Plain JDBC on the {@code
 * DataSource}; the dispatcher's writes take the caller's connection so they share its transaction.
 */
@Singleton
public class SubscriptionRepository {
  private static final String SUBSCRIPTION_COLUMNS =
      "id, subscriber, product_domain, product_name, event_types, channel, url, email, created_at";
  private static final String DELIVERY_COLUMNS =
      "id, subscription_id, recipient, channel, target, event_id, event_type, product_domain,"
          + " product_name, payload, state, attempts, created_at, next_attempt_at,"
          + " last_attempt_at, last_status, last_error, delivered_at";

  private final DataSource dataSource;

  public SubscriptionRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A connection in a transaction; the caller commits or rolls back, and closes it. */
  public Connection begin() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(false);
    return c;
  }

  /** Stores a new subscription with its secret. */
  public void insert(Subscription s, String secret) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO subscription (id, subscriber, product_domain, product_name,"
                    + " event_types, channel, url, secret, email, created_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      insert.setString(1, s.id());
      insert.setString(2, s.subscriber());
      insert.setString(3, s.domain());
      insert.setString(4, s.product());
      insert.setString(5, String.join(",", s.types()));
      insert.setString(6, s.channel());
      insert.setString(7, s.url());
      insert.setString(8, secret);
      insert.setString(9, s.email());
      insert.setObject(10, time(s.createdAt()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the subscription", e);
    }
  }

  /** Every subscription (the dispatcher matches events against them). */
  public List<Subscription> all() {
    return subscriptions("SELECT " + SUBSCRIPTION_COLUMNS + " FROM subscription", null);
  }

  /** A subscriber's subscriptions, oldest first. */
  public List<Subscription> bySubscriber(String subscriber) {
    return subscriptions(
        "SELECT "
            + SUBSCRIPTION_COLUMNS
            + " FROM subscription WHERE subscriber = ? ORDER BY created_at, id",
        subscriber);
  }

  /** One subscription. */
  public Optional<Subscription> find(String id) {
    return subscriptions("SELECT " + SUBSCRIPTION_COLUMNS + " FROM subscription WHERE id = ?", id)
        .stream()
        .findFirst();
  }

  /** A webhook subscription's secret. */
  public Optional<String> secret(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT secret FROM subscription WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the subscription", e);
    }
  }

  /** Removes a subscription and its deliveries (pending ones are not sent). */
  public boolean delete(String id) {
    try (Connection c = begin()) {
      try (PreparedStatement deliveries =
              c.prepareStatement("DELETE FROM notify_delivery WHERE subscription_id = ?");
          PreparedStatement subscription =
              c.prepareStatement("DELETE FROM subscription WHERE id = ?")) {
        deliveries.setString(1, id);
        deliveries.executeUpdate();
        subscription.setString(1, id);
        boolean deleted = subscription.executeUpdate() > 0;
        c.commit();
        return deleted;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not delete the subscription", e);
    }
  }

  /**
   * The dispatcher's cursor, read with a row lock inside the caller's transaction (the row is
   * created at {@code initial} the first time).
   */
  public long cursor(Connection c, String name, long initial) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT position FROM notify_cursor WHERE name = ? FOR UPDATE")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          return rows.getLong(1);
        }
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO notify_cursor (name, position) VALUES (?, ?)")) {
      insert.setString(1, name);
      insert.setLong(2, initial);
      insert.executeUpdate();
    }
    return initial;
  }

  /** Moves the cursor inside the caller's transaction. */
  public void advance(Connection c, String name, long position) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE notify_cursor SET position = ? WHERE name = ?")) {
      update.setLong(1, position);
      update.setString(2, name);
      update.executeUpdate();
    }
  }

  /**
   * Adds a pending delivery inside the caller's transaction, unless one for the same event and
   * recipient exists already (the dedup key makes dispatching idempotent).
   */
  public void addDelivery(Connection c, Delivery d, long position) throws SQLException {
    String key =
        sha256(
            d.eventId()
                + "|"
                + (d.subscriptionId() != null
                    ? d.subscriptionId()
                    : d.channel() + ":" + d.target()));
    try (PreparedStatement exists =
        c.prepareStatement("SELECT 1 FROM notify_delivery WHERE dedup_key = ?")) {
      exists.setString(1, key);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
    }
    String[] product = d.product() == null ? new String[2] : d.product().split("/", 2);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO notify_delivery (dedup_key, subscription_id, recipient, channel, target,"
                + " event_position, event_id, event_type, product_domain, product_name, payload,"
                + " state, attempts, created_at, next_attempt_at) VALUES"
                + " (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?)")) {
      insert.setString(1, key);
      insert.setString(2, d.subscriptionId());
      insert.setString(3, d.recipient());
      insert.setString(4, d.channel());
      insert.setString(5, d.target());
      insert.setLong(6, position);
      insert.setString(7, d.eventId());
      insert.setString(8, d.eventType());
      insert.setString(9, product[0]);
      insert.setString(10, product[1]);
      insert.setString(11, d.payload());
      insert.setString(12, Delivery.PENDING);
      insert.setObject(13, time(d.createdAt()));
      insert.setObject(14, time(d.createdAt()));
      insert.executeUpdate();
    }
  }

  /** Pending deliveries due at this instant, the most overdue first. */
  public List<Delivery> due(Instant now, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + DELIVERY_COLUMNS
                    + " FROM notify_delivery WHERE state = ? AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at, id LIMIT "
                    + Math.max(1, limit))) {
      select.setString(1, Delivery.PENDING);
      select.setObject(2, time(now));
      return deliveries(select);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read due deliveries", e);
    }
  }

  /** The earliest time a pending delivery is due, if any is pending. */
  public Optional<Instant> nextDue() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT MIN(next_attempt_at) FROM notify_delivery WHERE state = 'pending'");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      OffsetDateTime t = rows.getObject(1, OffsetDateTime.class);
      return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read due deliveries", e);
    }
  }

  /** A subscription's deliveries, newest first. */
  public List<Delivery> deliveries(String subscriptionId, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + DELIVERY_COLUMNS
                    + " FROM notify_delivery WHERE subscription_id = ? ORDER BY id DESC LIMIT "
                    + Math.max(1, limit))) {
      select.setString(1, subscriptionId);
      return deliveries(select);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read deliveries", e);
    }
  }

  /** Records an attempt's outcome: the new state, when it is due again, status and error. */
  public void record(
      long id,
      String state,
      Instant attemptedAt,
      Instant nextAttemptAt,
      Integer status,
      String error) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE notify_delivery SET state = ?, attempts = attempts + ?,"
                    + " last_attempt_at = COALESCE(?, last_attempt_at), next_attempt_at = ?,"
                    + " last_status = ?, last_error = ?, delivered_at = ? WHERE id = ?")) {
      update.setString(1, state);
      update.setInt(2, attemptedAt == null ? 0 : 1);
      update.setObject(3, attemptedAt == null ? null : time(attemptedAt));
      update.setObject(4, time(nextAttemptAt));
      if (status == null) {
        update.setNull(5, java.sql.Types.INTEGER);
      } else {
        update.setInt(5, status);
      }
      update.setString(6, error == null ? null : truncate(error, 1000));
      update.setObject(7, Delivery.DELIVERED.equals(state) ? time(attemptedAt) : null);
      update.setLong(8, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the delivery", e);
    }
  }

  /** Removes finished deliveries (not pending) created before the instant; returns how many. */
  public int prune(Instant before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement(
                "DELETE FROM notify_delivery WHERE state <> 'pending' AND created_at < ?")) {
      delete.setObject(1, time(before));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not prune deliveries", e);
    }
  }

  private List<Subscription> subscriptions(String sql, String parameter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      if (parameter != null) {
        select.setString(1, parameter);
      }
      List<Subscription> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(
              new Subscription(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  Arrays.asList(rows.getString(5).split(",")),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getObject(9, OffsetDateTime.class).toInstant()));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read subscriptions", e);
    }
  }

  private static List<Delivery> deliveries(PreparedStatement select) throws SQLException {
    List<Delivery> found = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        String domain = rows.getString(8);
        int status = rows.getInt(16);
        Integer lastStatus = rows.wasNull() ? null : status;
        found.add(
            new Delivery(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                domain == null ? null : domain + "/" + rows.getString(9),
                rows.getString(10),
                rows.getString(11),
                rows.getInt(12),
                instant(rows, 13),
                instant(rows, 14),
                instant(rows, 15),
                lastStatus,
                rows.getString(17),
                instant(rows, 18)));
      }
    }
    return found;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
