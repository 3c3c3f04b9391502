package io.tessera.catalogserver.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** The lead times between a product's milestones, each from an earlier to a later one. */
enum LeadTime {
  DECLARED_TO_PLANNED("declaredToPlanned", Milestones::declaredAt, Milestones::plannedAt),
  PLANNED_TO_PHYSICAL("plannedToPhysical", Milestones::plannedAt, Milestones::physicalAt),
  PHYSICAL_TO_FIRST_CONSUMER(
      "physicalToFirstConsumer", Milestones::physicalAt, Milestones::firstConsumerAt),
  DECLARED_TO_FIRST_CONSUMER(
      "declaredToFirstConsumer", Milestones::declaredAt, Milestones::firstConsumerAt);

  private final String field;
  private final Function<Milestones, Instant> from;
  private final Function<Milestones, Instant> to;

  LeadTime(String field, Function<Milestones, Instant> from, Function<Milestones, Instant> to) {
    this.field = field;
    this.from = from;
    this.to = to;
  }

  /** The JSON field name. */
  String field() {
    return field;
  }

  /** When the later milestone was reached, or null when either is not. */
  Instant reached(Milestones m) {
    return from.apply(m) == null ? null : to.apply(m);
  }

  /** The time between the two milestones, or null when either is not reached. */
  Duration of(Milestones m) {
    Instant start = from.apply(m);
    Instant end = to.apply(m);
    return start == null || end == null ? null : Duration.between(start, end);
  }
}
