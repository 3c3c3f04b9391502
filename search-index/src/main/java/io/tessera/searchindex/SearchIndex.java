package io.tessera.searchindex;

import io.tessera.graphstore.ReadScope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Search over the catalog: free text with facets, highlighting and cursor paging, and typeahead.
 * Every call takes the caller's {@link ReadScope}: an entity its {@code discover} scope hides, and
 * a detail (port, column, column name of a product or dataset) its {@code read} scope hides, are
 * absent from hits, totals, facet counts and suggestions alike.
 *
 * <p>The index is derived from the graph and follows its change feed; {@link #status()} tells which
 * graph revision it has caught up to.
 */
public interface SearchIndex extends AutoCloseable {

  /**
   * One page of results.
   *
   * @throws InvalidSearchRequestException if the cursor was not issued for this query and filters
   */
  SearchResults search(SearchRequest request, ReadScope scope);

  /**
   * The best entities for what has been typed so far (each word is a prefix), best first.
   *
   * @param limit at most this many, 1 to {@link SearchRequest#MAX_LIMIT}
   */
  List<Suggestion> suggest(String prefix, int limit, ReadScope scope);

  /** Revision, size and rebuild progress. */
  IndexStatus status();

  /**
   * Rebuilds the whole index from the graph in the background; searches keep being answered from
   * the previous state until the new one is complete.
   *
   * @return completes with the status after the rebuild
   */
  CompletableFuture<IndexStatus> rebuild();

  /**
   * Waits until every change up to the graph revision is searchable.
   *
   * @return whether it got there within the timeout
   */
  boolean awaitRevision(long revision, Duration timeout) throws InterruptedException;

  @Override
  void close();
}
