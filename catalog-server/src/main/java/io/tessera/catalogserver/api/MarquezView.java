package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shapes of Marquez's read API ({@code /api/v1/namespaces/...}, {@code /api/v1/jobs/runs/{id}})
 * as Marquez's clients and web UI parse them: lists under {@code namespaces}, {@code jobs}, {@code
 * datasets} or {@code runs} with {@code totalCount}, and Marquez's field names. Absent values are
 * written as {@code null}, as Marquez does.
 */
public final class MarquezView {
  private MarquezView() {}

  /** A job's or dataset's identity. */
  @Serdeable
  public record Id(String namespace, String name) {}

  /** A namespace: every OpenLineage namespace a visible job or dataset lives in. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Namespace(
      String name,
      Instant createdAt,
      Instant updatedAt,
      String ownerName,
      @Nullable String description,
      boolean isHidden) {}

  /** A dataset (always {@code DB_TABLE}: OpenLineage datasets are tables to Marquez). */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Dataset(
      Id id,
      String type,
      String name,
      String physicalName,
      Instant createdAt,
      Instant updatedAt,
      String namespace,
      String sourceName,
      List<Field> fields,
      List<String> tags,
      @Nullable Instant lastModifiedAt,
      @Nullable String lastLifecycleState,
      @Nullable String description,
      Map<String, Object> facets,
      boolean deleted) {}

  /** A column of a dataset. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Field(
      String name, @Nullable String type, List<String> tags, @Nullable String description) {}

  /** A job (always {@code BATCH}). */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Job(
      Id id,
      String type,
      String name,
      String simpleName,
      @Nullable String parentJobName,
      Instant createdAt,
      Instant updatedAt,
      String namespace,
      List<Id> inputs,
      List<Id> outputs,
      @Nullable String location,
      @Nullable String description,
      @Nullable Run latestRun,
      Map<String, Object> facets) {}

  /**
   * A run of a job.
   *
   * @param state Marquez's run state: RUNNING, COMPLETED, ABORTED or FAILED
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Run(
      String id,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Instant nominalStartTime,
      @Nullable Instant nominalEndTime,
      String state,
      @Nullable Instant startedAt,
      @Nullable Instant endedAt,
      @Nullable Long durationMs,
      Map<String, String> args,
      Map<String, Object> facets) {}

  /** {@code GET /api/v1/namespaces}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Namespaces(List<Namespace> namespaces, int totalCount) {}

  /** {@code GET /api/v1/namespaces/{ns}/jobs}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Jobs(List<Job> jobs, int totalCount) {}

  /** {@code GET /api/v1/namespaces/{ns}/datasets}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Datasets(List<Dataset> datasets, int totalCount) {}

  /** {@code GET /api/v1/namespaces/{ns}/jobs/{job}/runs}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Runs(List<Run> runs, int totalCount) {}
}
