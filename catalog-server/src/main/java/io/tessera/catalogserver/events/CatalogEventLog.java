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
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The catalog's change feed ({@code catalog_event}): events appended in order, read from a cursor
 * (the position of the last event seen). An event about a write the relational database records (an
 * incident, an access request) is appended in that write's transaction ({@link #append(Connection,
 * CatalogEvent)}), so it exists exactly when the write does. Listeners are told the newest position
 * after each append commits (to wake deliveries and streams); they must not block.
 *
 * <p>Positions are taken when a row is inserted, but transactions commit in their own order, so an
 * event with a lower position can become visible after one with a higher position. A reader that
 * moved its cursor past the higher one would never see the lower one. This node therefore remembers
 * the positions appended in transactions still open ({@link #append(Connection, CatalogEvent)}
 * until {@link #committed(long)} on the same thread, or {@link #OPEN_APPEND_TIMEOUT} for one that
 * was rolled back), and {@link #horizon()} is the last position readers may move past.
 */
@Singleton
public class CatalogEventLog {
  private static final String COLUMNS =
      "id, event_id, type, subject, product_domain, product_name, occurred_at, data";

  private final DataSource dataSource;
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

  /** How long an append in an open transaction holds readers back at most (then: rolled back). */
  public static final java.time.Duration OPEN_APPEND_TIMEOUT = java.time.Duration.ofSeconds(10);

  /** Positions appended in transactions not yet committed: position → (thread, since). */
  private final ConcurrentSkipListMap<Long, OpenAppend> open = new ConcurrentSkipListMap<>();

  private record OpenAppend(long thread, long sinceNanos) {}

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
        long position = keys.getLong(1);
        if (!c.getAutoCommit()) {
          open.put(position, new OpenAppend(Thread.currentThread().threadId(), System.nanoTime()));
        }
        return position;
      }
    }
  }

  /** Appends in a transaction of its own and tells the listeners. */
  public long append(CatalogEvent event) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long position;
      try {
        position = append(c, event);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      committed(position);
      return position;
    } catch (SQLException e) {
      throw new IllegalStateException("could not append to the change feed", e);
    }
  }

  /** Tells the listeners that events up to this position are committed. */
  public void committed(long position) {
    long thread = Thread.currentThread().threadId();
    open.headMap(position, true).entrySet().removeIf(e -> e.getValue().thread() == thread);
    for (LongConsumer l : listeners) {
      l.accept(position);
    }
  }

  /**
   * The last position a reader may move its cursor past: just before the oldest event appended in a
   * transaction of this node that is still open, or {@link Long#MAX_VALUE} when there is none.
   */
  public long horizon() {
    long now = System.nanoTime();
    open.values().removeIf(a -> now - a.sinceNanos() > OPEN_APPEND_TIMEOUT.toNanos());
    var first = open.firstEntry();
    return first == null ? Long.MAX_VALUE : first.getKey() - 1;
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
