package io.tessera.lineage;

import java.util.List;

/**
 * The ordered record of accepted OpenLineage events that the {@link LineageProjection} turns into
 * lineage graphs: a port the server implements over its relational database. Positions grow with
 * every appended event; the graph stores the last position it projected.
 */
public interface EventJournal {

  /** An event as journaled: its position and its JSON payload. */
  record StoredEvent(long position, byte[] payload) {}

  /** At most {@code limit} events after {@code position}, in journal order. */
  List<StoredEvent> after(long position, int limit);

  /** The position of the last journaled event (0 when there is none). */
  long lastPosition();

  /** Records that the event at this position cannot be projected; it stays in the journal. */
  void recordFailure(long position, String message);

  /** How many events are recorded as failed. */
  int failureCount();

  /** Forgets every recorded failure (before a rebuild retries them all). */
  void clearFailures();
}
