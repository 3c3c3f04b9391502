package io.tessera.catalogserver.events;

/**
 * A cursor older than the feed's retention: events after it were pruned. Answered with {@code 410
 * Gone} and the oldest cursor the feed still serves ({@link ChangeFeedProblems}).
 */
public class CursorExpiredException extends RuntimeException {
  private final long cursor;
  private final long oldest;

  public CursorExpiredException(long cursor, long oldest) {
    super(
        "events after cursor "
            + cursor
            + " were pruned (retention); the oldest cursor still served is "
            + oldest);
    this.cursor = cursor;
    this.oldest = oldest;
  }

  public long cursor() {
    return cursor;
  }

  /** The oldest cursor still served: resume from it (or from a fresh snapshot of the catalog). */
  public long oldest() {
    return oldest;
  }
}
