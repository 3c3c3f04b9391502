/**
 * The OpenLineage request path: an event is validated, journaled (durable before the {@code 201})
 * and the lineage projection is woken to turn it into graph; the Kafka intake takes the same path
 * for events read from the OpenLineage Kafka transport's topic, committing offsets only after the
 * journal commit.
 */
package io.tessera.catalogserver.ingest;
