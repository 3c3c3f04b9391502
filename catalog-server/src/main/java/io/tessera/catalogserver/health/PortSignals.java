package io.tessera.catalogserver.health;

import java.time.Instant;
import java.util.List;

/**
 * What lineage observed about the dataset an output port serves, as the SLO evaluation reads it.
 *
 * @param boundAt when the port was bound to the observed dataset, or null while it is planned
 * @param runs the finished runs of the jobs that write the dataset, newest first
 * @param assertions the data-quality assertion results reported on the dataset
 * @param breakingChanges the breaking schema changes of the dataset not yet resolved by hand
 */
record PortSignals(
    Instant boundAt, List<Run> runs, List<Assertion> assertions, List<String> breakingChanges) {

  /** A finished run: {@code COMPLETE}, {@code FAIL} or {@code ABORT}. */
  record Run(String iri, String jobIri, String state, Instant endedAt, String errorMessage) {
    boolean failed() {
      return "FAIL".equals(state);
    }

    boolean completed() {
      return "COMPLETE".equals(state);
    }
  }

  /** One assertion's result. */
  record Assertion(String name, boolean passed, Instant at) {}
}
