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

  /**
   * Returns the standard's {@code status} for a lifecycle, the inverse of {@link #fromStatus}:
   * ideation → proposed, design → draft, consume → active; build, deploy, deprecated and retired
   * are written as they are (ODPS and ODCS list statuses as examples, not as a closed set).
   */
  static String toStatus(String lifecycle) {
    if (lifecycle == null) {
      return "draft";
    }
    return switch (lifecycle) {
      case "ideation" -> "proposed";
      case "design" -> "draft";
      case "consume" -> "active";
      default -> lifecycle;
    };
  }
}
