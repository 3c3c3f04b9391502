/**
 * TDB2 internals of the graph store: the reader/writer handed to work running inside a transaction,
 * which records the graphs to validate and the changes to announce at commit; and the scoped query
 * machinery, which runs a caller's query over only the named graphs a scope allows (TDB2's quad
 * filter for pattern queries, a filtered dataset view for property paths, DESCRIBE and dynamic
 * datasets).
 */
package io.tessera.graphstore.tdb;
