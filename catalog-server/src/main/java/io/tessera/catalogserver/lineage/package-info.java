/**
 * OpenLineage in the server: the relational event journal, the ingest service behind {@code POST
 * /api/v1/lineage}, and the background projection that keeps the lineage graphs caught up with the
 * journal and rebuilds them on demand.
 */
package io.tessera.catalogserver.lineage;
