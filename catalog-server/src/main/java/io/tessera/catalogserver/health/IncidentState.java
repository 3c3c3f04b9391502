package io.tessera.catalogserver.health;

import java.util.Locale;

/** An incident's state: open, then acknowledged (optional), then resolved, which is final. */
public enum IncidentState {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED;

  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether an incident in this state may move to {@code next}. */
  public boolean mayBecome(IncidentState next) {
    return switch (this) {
      case OPEN -> next == ACKNOWLEDGED || next == RESOLVED;
      case ACKNOWLEDGED -> next == RESOLVED;
      case RESOLVED -> false;
    };
  }

  /** The state of a slug, or null. */
  public static IncidentState of(String slug) {
    for (IncidentState s : values()) {
      if (s.slug().equals(slug)) {
        return s;
      }
    }
    return null;
  }
}
