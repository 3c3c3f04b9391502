package io.tessera.catalogserver.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.usage.Consumer;
import java.time.Instant;
import java.util.List;

/**
 * The schema history of one output port: its observed versions, newest first, each with the changes
 * against the one before and who they affect.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchemaChangeView(
    String port, String dataset, List<Version> versions, List<Consumer> affected) {

  /** One observed schema version. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Version(
      int version,
      String iri,
      Instant observedAt,
      String run,
      List<String> columns,
      boolean breaking,
      List<Change> changes) {}

  /** One difference against the previous version. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Change(
      String kind,
      String field,
      String before,
      String after,
      boolean breaking,
      Instant at,
      String run,
      List<String> impacts) {}
}
