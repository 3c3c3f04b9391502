package io.tessera.catalogserver.graphql;

import java.time.Instant;

/**
 * A {@code Run} of a job.
 *
 * @param jobIri the IRI of the job it ran
 */
record RunNode(
    String iri,
    String runId,
    String state,
    Instant startedAt,
    Instant endedAt,
    String errorMessage,
    String jobIri) {
  public String id() {
    return GlobalId.of("Run", runId);
  }
}
