package io.tessera.lineage;

/** The OpenLineage run event types. */
public enum EventType {
  START,
  RUNNING,
  COMPLETE,
  ABORT,
  FAIL,
  OTHER;

  /** Whether a run ends with this event. */
  public boolean terminal() {
    return this == COMPLETE || this == ABORT || this == FAIL;
  }
}
