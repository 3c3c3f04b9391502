package io.tessera.descriptors.standards;

import java.util.Locale;

/** Maps a standard's {@code status} to our DPROD lifecycle ({@code spec.lifecycle}). */
final class Lifecycles {

  private Lifecycles() {}

  /**
   * Returns the lifecycle for a status: proposed → ideation, draft → design, active → consume;
   * deprecated, retired and our own lifecycle names are kept; anything else → design.
   */
  static String fromStatus(String status) {
    if (status == null) {
      return "design";
    }
    return switch (status.strip().toLowerCase(Locale.ROOT)) {
      case "proposed", "ideation" -> "ideation";
      case "active", "consume" -> "consume";
      case "build" -> "build";
      case "deploy" -> "deploy";
      case "deprecated" -> "deprecated";
      case "retired" -> "retired";
      default -> "design";
    };
  }
}
