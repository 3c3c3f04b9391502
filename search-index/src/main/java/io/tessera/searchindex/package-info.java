/**
 * Search over the Tessera catalog: {@link io.tessera.searchindex.SearchIndex} and its Lucene
 * implementation {@link io.tessera.searchindex.LuceneSearchIndex}, which keeps an index of domains,
 * data products, ports, datasets, columns, jobs and terms in step with the graph's change feed, and
 * answers searches (facets, highlights, cursor paging) and typeahead suggestions for a caller's
 * {@link io.tessera.graphstore.ReadScope}: what it may discover, and of which it may see the
 * details.
 */
package io.tessera.searchindex;
