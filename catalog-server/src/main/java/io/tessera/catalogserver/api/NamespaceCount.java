package io.tessera.catalogserver.api;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An OpenLineage dataset namespace lineage has observed, with how many of its datasets the caller
 * may discover.
 */
@Serdeable
public record NamespaceCount(String namespace, int datasets) {}
