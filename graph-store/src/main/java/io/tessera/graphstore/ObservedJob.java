package io.tessera.graphstore;

import java.util.List;

/**
 * A job as lineage observed it.
 *
 * @param description its {@code dct:description}, or null
 * @param inputs the IRIs of the datasets it reads
 * @param outputs the IRIs of the datasets it writes
 * @param runs the IRIs of its runs, latest start first
 */
public record ObservedJob(
    String iri,
    String namespace,
    String name,
    String description,
    List<String> inputs,
    List<String> outputs,
    List<String> runs) {}
