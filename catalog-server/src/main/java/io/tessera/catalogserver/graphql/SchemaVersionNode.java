package io.tessera.catalogserver.graphql;

import java.time.Instant;
import java.util.List;

/** An observed {@code SchemaVersion} of a dataset. */
record SchemaVersionNode(int version, Instant observedAt, String runIri, List<FieldNode> columns) {}
