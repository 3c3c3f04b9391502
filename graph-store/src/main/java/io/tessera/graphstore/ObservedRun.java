package io.tessera.graphstore;

import java.time.Instant;

/**
 * A run of a job as lineage observed it.
 *
 * @param runId the OpenLineage run id
 * @param state its last state, or null
 * @param jobIri the IRI of the job it ran
 */
public record ObservedRun(
    String iri,
    String runId,
    String state,
    Instant startedAt,
    Instant endedAt,
    String errorMessage,
    String jobIri) {}
