package io.tessera.catalogserver.usage;

import java.time.Instant;

/**
 * When one product reached each milestone; null where it has not.
 *
 * @param key {@code domain/name}
 * @param declaredAt its first descriptor revision
 * @param plannedAt its first revision whose descriptor promises an output port with a dataset
 * @param physicalAt the earliest binding of an output port ({@code tess:boundAt})
 * @param firstConsumerAt the earlier of its first agreement's start and the first run of a job of
 *     another domain reading one of its datasets
 */
record Milestones(
    String key,
    Instant declaredAt,
    Instant plannedAt,
    Instant physicalAt,
    Instant firstConsumerAt) {

  static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
