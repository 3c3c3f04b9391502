package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.ObservedRun;
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
  static RunNode of(ObservedRun run) {
    return new RunNode(
        run.iri(),
        run.runId(),
        run.state(),
        run.startedAt(),
        run.endedAt(),
        run.errorMessage(),
        run.jobIri());
  }

  public String id() {
    return GlobalId.of("Run", runId);
  }
}
