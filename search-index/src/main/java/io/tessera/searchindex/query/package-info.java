/**
 * How requests become Lucene queries: user input read without query syntax ({@link
 * io.tessera.searchindex.query.UserQuery}), the ranking ({@link
 * io.tessera.searchindex.query.RankingQuery}), facet filters, the visibility filter ({@link
 * io.tessera.searchindex.query.ScopeFilter}), typeahead and the paging cursor. Internal to the
 * module.
 */
package io.tessera.searchindex.query;
