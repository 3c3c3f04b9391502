package io.tessera.graphstore;

import java.util.List;

/**
 * What lineage observed around one dataset: the jobs that write and read it, its schema versions
 * and its latest quality measurements.
 *
 * @param producedBy IRIs of the jobs that write it
 * @param consumedBy IRIs of the jobs that read it
 * @param versions its observed schema versions, newest first
 * @param quality its latest quality measurements
 */
public record DatasetLinks(
    List<String> producedBy,
    List<String> consumedBy,
    List<SchemaVersion> versions,
    List<QualityMeasurement> quality) {
  /** Nothing observed. */
  public static final DatasetLinks NONE =
      new DatasetLinks(List.of(), List.of(), List.of(), List.of());
}
