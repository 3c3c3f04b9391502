/**
 * The knowledge graph: {@link io.tessera.graphstore.GraphStore} over an embedded TDB2 dataset with
 * one named graph per domain and product (queries see the union), SHACL validation of every write,
 * a change feed delivered after commit, SPARQL with timeouts, whole-store TriG/N-Quads export and
 * import, and the repositories that read and write domains and products as records.
 */
package io.tessera.graphstore;
