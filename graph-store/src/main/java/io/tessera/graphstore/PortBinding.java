package io.tessera.graphstore;

import java.time.Instant;

/**
 * The observation that turned a port physical: the dataset it serves was seen being written.
 *
 * @param dataset the observed dataset
 * @param boundAt when it was observed
 * @param evidence what proved it, normally the IRI of the OpenLineage run
 */
public record PortBinding(DatasetRef dataset, Instant boundAt, String evidence) {}
