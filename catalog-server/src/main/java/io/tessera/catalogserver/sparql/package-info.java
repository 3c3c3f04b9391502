/**
 * The SPARQL 1.1 Protocol on top of the graph store: reading a request ({@link
 * io.tessera.catalogserver.sparql.SparqlRequest}), choosing and writing a result format ({@link
 * io.tessera.graphstore.ResultFormat}), the result limit ({@link
 * io.tessera.catalogserver.sparql.SparqlConfig}), the view a caller's queries and exports run over
 * ({@link io.tessera.governance.SparqlViews}) and the audit hook for admin queries ({@link
 * io.tessera.catalogserver.sparql.SparqlAudit}).
 */
package io.tessera.catalogserver.sparql;
