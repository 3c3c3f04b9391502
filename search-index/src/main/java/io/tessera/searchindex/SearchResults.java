package io.tessera.searchindex;

import java.util.List;
import java.util.Map;

/**
 * One page of search results. {@code total} and every facet count are computed over exactly the set
 * of results the caller can page through (filters and visibility scope applied).
 *
 * @param total how many results there are in all
 * @param hits this page, best first
 * @param facets for each dimension, the most frequent values among all results, most frequent first
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 * @param revision the graph revision the index had caught up to when it answered
 */
public record SearchResults(
    long total,
    List<SearchHit> hits,
    Map<FacetDimension, List<FacetCount>> facets,
    String nextCursor,
    long revision) {
  public SearchResults {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /** The counts of one dimension (empty if no result has a value for it). */
  public List<FacetCount> facet(FacetDimension dimension) {
    return facets.getOrDefault(dimension, List.of());
  }
}
