package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.searchindex.FacetCount;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.SearchResults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of search results as the REST API shows it.
 *
 * @param total how many results there are in all (what paging through them would count)
 * @param facets per dimension ({@code type}, {@code domain}, {@code lifecycle}, {@code
 *     classification}, {@code tag}, {@code owner}, {@code platform}), the most frequent values
 *     among all results with their counts
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 * @param revision the graph revision the index had caught up to
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchView(
    String query,
    long total,
    List<SearchHitView> hits,
    Map<String, List<FacetValue>> facets,
    String nextCursor,
    long revision) {

  /** A facet value and how many results carry it. */
  @Serdeable
  public record FacetValue(String value, long count) {}

  static SearchView of(String query, SearchResults results) {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (FacetDimension dim : FacetDimension.values()) {
      List<FacetCount> counts = results.facet(dim);
      if (!counts.isEmpty()) {
        facets.put(
            dim.parameter(),
            counts.stream().map(c -> new FacetValue(c.value(), c.count())).toList());
      }
    }
    return new SearchView(
        query,
        results.total(),
        results.hits().stream().map(SearchHitView::of).toList(),
        facets,
        results.nextCursor(),
        results.revision());
  }
}
