package io.tessera.catalogserver.events;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The catalog's change feed ({@code catalog_event}): events appended in order, read from a cursor
 * (the position of the last event seen). An event about a write the relational database records (an
 * incident, an access request) is appended in that write's transaction ({@link #append(Connection,
 * CatalogEvent)}), so it exists exactly when the write does. Listeners are told the newest position
 * after each append commits (to wake deliveries and streams); they must not block.
 */
@Singleton
public class CatalogEventLog {
  private static final String COLUMNS =
      "id, event_id, type, subject, product_domain, product_name, occurred_at, data";

  private final DataSource dataSource;
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

  public CatalogEventLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Appends inside the caller's transaction; the caller commits and then calls {@link
   * #committed(long)} with the returned position.
   *
   * @return the event's position
   */
  public long append(Connection c, CatalogEvent event) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO catalog_event (event_id, type, subject, product_domain, product_name,"
                + " occurred_at, data) VALUES (?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      String[] product = event.product() == null ? new String[2] : event.product().split("/", 2);
      insert.setString(1, event.id());
      insert.setString(2, event.type());
      insert.setString(3, event.subject());
      insert.setString(4, product[0]);
      insert.setString(5, product[1]);
      insert.setObject(6, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC));
      insert.setString(7, event.data());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Appends in a transaction of its own and tells the listeners. */
  public long append(CatalogEvent event) {
    try (Connection c = dataSource.getConnection()) {
      long position = append(c, event);
      committed(position);
      return position;
    } catch (SQLException e) {
      throw new IllegalStateException("could not append to the change feed", e);
    }
  }

  /** Tells the listeners that events up to this position are committed. */
  public void committed(long position) {
    for (LongConsumer l : listeners) {
      l.accept(position);
    }
  }

  /** Registers a listener for committed positions (called on the appending thread). */
  public void onAppend(LongConsumer listener) {
    listeners.add(listener);
  }

  /** Up to {@code limit} events after the cursor, oldest first. */
  public List<CatalogEvent> after(long cursor, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM catalog_event WHERE id > ? ORDER BY id LIMIT "
                    + Math.max(1, limit))) {
      select.setLong(1, cursor);
      List<CatalogEvent> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String domain = rows.getString(5);
          found.add(
              new CatalogEvent(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  domain == null ? null : domain + "/" + rows.getString(6),
                  rows.getObject(7, OffsetDateTime.class).toInstant(),
                  rows.getString(8)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the change feed", e);
    }
  }

  /** Whether the feed holds an event of this type about this product. */
  public boolean has(String type, String product) {
    String[] parts = product.split("/", 2);
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT 1 FROM catalog_event WHERE product_domain = ? AND product_name = ? AND"
                    + " type = ?")) {
      select.setString(1, parts[0]);
      select.setString(2, parts[1]);
      select.setString(
          3, type.startsWith(CatalogEvent.TYPE_PREFIX) ? type : CatalogEvent.TYPE_PREFIX + type);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the change feed", e);
    }
  }

  /** The position of the newest event, or 0. */
  public long latest() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement("SELECT MAX(id) FROM catalog_event");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the change feed", e);
    }
  }

  /** The oldest position the feed still holds (0 when empty): cursors before it were pruned. */
  public long oldest() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement("SELECT MIN(id) FROM catalog_event");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the change feed", e);
    }
  }

  /** Removes events older than the instant (retention); returns how many. */
  public int prune(Instant before) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement delete =
            c.prepareStatement("DELETE FROM catalog_event WHERE occurred_at < ?")) {
      delete.setObject(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not prune the change feed", e);
    }
  }
}
