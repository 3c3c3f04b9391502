/**
 * The OpenLineage request path: an event is validated, journaled (durable before the {@code 201})
 * and the lineage projection is woken to turn it into graph.
 */
package io.tessera.catalogserver.ingest;
