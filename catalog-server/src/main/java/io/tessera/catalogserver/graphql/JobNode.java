package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.ObservedJob;
import java.util.List;

/**
 * A {@code Job} as lineage observed it.
 *
 * @param inputs the IRIs of the datasets it reads
 * @param outputs the IRIs of the datasets it writes
 * @param runs the IRIs of its runs, latest start first
 */
record JobNode(
    String iri,
    String namespace,
    String name,
    String description,
    List<String> inputs,
    List<String> outputs,
    List<String> runs) {
  static JobNode of(ObservedJob job) {
    return new JobNode(
        job.iri(),
        job.namespace(),
        job.name(),
        job.description(),
        job.inputs(),
        job.outputs(),
        job.runs());
  }

  public String id() {
    return GlobalId.of("Job", namespace, name);
  }
}
