package io.tessera.catalogserver.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Time-to-value over the products of a domain or the whole mesh that the caller may discover.
 *
 * @param domain the domain asked about, or null for the mesh
 * @param products how many products counted
 * @param computedAt the clock the stuck durations are measured against
 * @param quarters per quarter (of the later milestone), oldest first, the lead times' figures
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MeshTimeToValue(
    String domain, int products, Instant computedAt, List<Quarter> quarters, Stuck stuck) {

  /** One quarter's figures per lead time; a lead time no product reached in it is null. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Quarter(
      String quarter,
      Summary declaredToPlanned,
      Summary plannedToPhysical,
      Summary physicalToFirstConsumer,
      Summary declaredToFirstConsumer) {}

  /**
   * How many products reached a lead time's later milestone, and its median and 90th percentile.
   */
  @Serdeable
  public record Summary(
      int count, String median, long medianSeconds, String p90, long p90Seconds) {}

  /** The products stuck longest in each stage, longest first (at most five). */
  @Serdeable
  public record Stuck(
      List<StuckProduct> declaredNotPlanned,
      List<StuckProduct> plannedNotPhysical,
      List<StuckProduct> physicalNoConsumer) {}

  /** A product and since when it is in its stage. */
  @Serdeable
  public record StuckProduct(
      String product, Instant since, String duration, long durationSeconds) {}
}
