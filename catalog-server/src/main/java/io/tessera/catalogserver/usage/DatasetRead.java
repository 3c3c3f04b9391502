package io.tessera.catalogserver.usage;

import java.time.Instant;

/**
 * A job lineage has seen reading a dataset.
 *
 * @param since the earliest start (or end) of a run of the job that used the dataset, or null when
 *     no run recorded the read
 */
record DatasetRead(String datasetIri, String jobIri, String namespace, String name, Instant since) {

  /** {@code namespace/name}, as consumers lists name a job. */
  String jobName() {
    return namespace + "/" + name;
  }
}
