package io.tessera.lineage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A validated OpenLineage event: a run event, or static lineage (a dataset or job event). Facets
 * are kept as the JSON they arrived as, so nothing is dropped.
 */
public sealed interface LineageEvent {
  OffsetDateTime eventTime();

  String producer();

  /** The event as received. */
  ObjectNode raw();

  /** A job by namespace and name, with its facets. */
  record Job(String namespace, String name, ObjectNode facets) {}

  /**
   * A dataset by namespace and name, with its facets and its input or output facets (empty for
   * static datasets).
   */
  record Dataset(String namespace, String name, ObjectNode facets, ObjectNode ioFacets) {}

  /** Something happened in a run of a job. */
  record RunEvent(
      EventType eventType,
      OffsetDateTime eventTime,
      String producer,
      String runId,
      ObjectNode runFacets,
      Job job,
      List<Dataset> inputs,
      List<Dataset> outputs,
      ObjectNode raw)
      implements LineageEvent {}

  /** Static metadata about a dataset, outside any run. */
  record DatasetEvent(OffsetDateTime eventTime, String producer, Dataset dataset, ObjectNode raw)
      implements LineageEvent {}

  /** Static metadata about a job and what it reads and writes, outside any run. */
  record JobEvent(
      OffsetDateTime eventTime,
      String producer,
      Job job,
      List<Dataset> inputs,
      List<Dataset> outputs,
      ObjectNode raw)
      implements LineageEvent {}
}
