package io.tessera.catalogserver.events;

import io.tessera.governance.AccessScope;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the change feed for one caller: from a cursor, the events of the requested types that the
 * caller may see ({@link ChangeFeedScope}), never past the log's {@link CatalogEventLog#horizon()}.
 * The next cursor is the last event <em>read</em>, shown or not, so that a caller who may see few
 * events does not scan the same hidden ones again.
 */
@Singleton
public class ChangeFeed {
  /** The most rows one read looks at, however few of them the caller may see. */
  static final int MAX_SCAN = 5000;

  private final CatalogEventLog log;
  private final ChangeFeedScope visibility;

  public ChangeFeed(CatalogEventLog log, ChangeFeedScope visibility) {
    this.log = log;
    this.visibility = visibility;
  }

  /** Events after the cursor and the cursor to ask from next. */
  public record Page(List<CatalogEvent> events, long next) {}

  /**
   * Where a read starts: after the given cursor, or before the oldest event held when none is
   * given.
   *
   * @throws CursorExpiredException when events after the cursor were pruned
   */
  public long start(Long after) {
    long oldest = log.oldest();
    long first = oldest == 0 ? 0 : oldest - 1;
    if (after == null) {
      return first;
    }
    if (oldest > 0 && after < first) {
      throw new CursorExpiredException(after, first);
    }
    return after;
  }

  /** Up to {@code limit} events after the cursor that pass the types and the caller's scope. */
  public Page read(long after, int limit, TypeFilter types, AccessScope scope) {
    long horizon = log.horizon();
    long cursor = after;
    List<CatalogEvent> shown = new ArrayList<>();
    int scanned = 0;
    int batch = Math.max(limit, 100);
    while (scanned < MAX_SCAN) {
      List<CatalogEvent> rows = log.after(cursor, batch);
      for (CatalogEvent e : rows) {
        if (e.position() > horizon) {
          return new Page(shown, cursor);
        }
        cursor = e.position();
        scanned++;
        if (types.accepts(e.type()) && visibility.visible(e, scope)) {
          shown.add(e);
          if (shown.size() == limit) {
            return new Page(shown, cursor);
          }
        }
      }
      if (rows.size() < batch) {
        break;
      }
    }
    return new Page(shown, cursor);
  }

  /**
   * The cursor of "now": the newest position, or just before an event still being committed, so
   * that a reader starting here misses nothing committed later.
   */
  public long now() {
    return Math.min(log.latest(), log.horizon());
  }

  /** The newest position in the feed (0 when empty). */
  public long latest() {
    return log.latest();
  }
}
