package io.tessera.catalogserver.graphql;

import java.util.List;

/**
 * What lineage knows around one dataset, read in one pass for a batch of datasets.
 *
 * @param producedBy IRIs of the jobs that write it
 * @param consumedBy IRIs of the jobs that read it
 * @param versions its observed schema versions, newest first
 * @param quality its latest quality measurements
 */
record DatasetLinks(
    List<String> producedBy,
    List<String> consumedBy,
    List<SchemaVersionNode> versions,
    List<QualityNode> quality) {
  static final DatasetLinks NONE = new DatasetLinks(List.of(), List.of(), List.of(), List.of());
}
