package io.tessera.catalogserver.health;

import java.util.Locale;

/** How a port or product is doing, from best to worst. */
public enum HealthStatus {
  HEALTHY,
  DEGRADED,
  FAILING;

  /** {@code healthy}, {@code degraded} or {@code failing}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The worse of the two. */
  public HealthStatus worse(HealthStatus other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }

  /** The status of a slug, or null. */
  public static HealthStatus of(String slug) {
    for (HealthStatus s : values()) {
      if (s.slug().equals(slug)) {
        return s;
      }
    }
    return null;
  }
}
