package io.tessera.catalogserver.graphql;

import java.time.Instant;

/** A {@code QualityMeasurement} reported by a run. */
record QualityNode(String metric, String column, String value, Instant measuredAt, String runIri) {}
