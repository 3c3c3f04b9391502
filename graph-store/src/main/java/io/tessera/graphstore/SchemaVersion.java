package io.tessera.graphstore;

import java.time.Instant;
import java.util.List;

/**
 * An observed schema version of a dataset.
 *
 * @param iri the schema version's IRI
 * @param version the version number, from 1
 * @param observedAt when it was first observed, or null
 * @param runIri the run that showed it, or null
 * @param columns its columns, in their observed order
 */
public record SchemaVersion(
    String iri, int version, Instant observedAt, String runIri, List<FieldDef> columns) {}
