/**
 * The running index: the Lucene writer and snapshots ({@code IndexStore}), the single indexer
 * thread fed by the change feed ({@code Indexer}, {@code AggregateWriter}, {@code Rebuilder}), and
 * the search, facet, highlight and typeahead executors. {@link
 * io.tessera.searchindex.engine.IndexEngine} assembles them. Internal to the module.
 */
package io.tessera.searchindex.engine;
