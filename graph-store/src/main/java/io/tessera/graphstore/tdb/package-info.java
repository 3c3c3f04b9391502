/**
 * TDB2 internals of the graph store: the reader/writer handed to work running inside a transaction,
 * which records the graphs to validate and the changes to announce at commit.
 */
package io.tessera.graphstore.tdb;
