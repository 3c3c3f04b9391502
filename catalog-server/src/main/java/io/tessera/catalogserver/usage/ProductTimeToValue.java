package io.tessera.catalogserver.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;

/** A product's milestones and the lead times between them (null where not reached). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProductTimeToValue(
    String product,
    Instant declaredAt,
    Instant plannedAt,
    Instant physicalAt,
    Instant firstConsumerAt,
    LeadTimes leadTimes) {

  /** Lead times as ISO-8601 durations and in seconds. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record LeadTimes(
      String declaredToPlanned,
      Long declaredToPlannedSeconds,
      String plannedToPhysical,
      Long plannedToPhysicalSeconds,
      String physicalToFirstConsumer,
      Long physicalToFirstConsumerSeconds,
      String declaredToFirstConsumer,
      Long declaredToFirstConsumerSeconds) {}

  static ProductTimeToValue of(Milestones m) {
    Duration a = LeadTime.DECLARED_TO_PLANNED.of(m);
    Duration b = LeadTime.PLANNED_TO_PHYSICAL.of(m);
    Duration c = LeadTime.PHYSICAL_TO_FIRST_CONSUMER.of(m);
    Duration d = LeadTime.DECLARED_TO_FIRST_CONSUMER.of(m);
    return new ProductTimeToValue(
        m.key(),
        m.declaredAt(),
        m.plannedAt(),
        m.physicalAt(),
        m.firstConsumerAt(),
        new LeadTimes(
            iso(a), seconds(a), iso(b), seconds(b), iso(c), seconds(c), iso(d), seconds(d)));
  }

  private static String iso(Duration d) {
    return d == null ? null : d.toString();
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }
}
