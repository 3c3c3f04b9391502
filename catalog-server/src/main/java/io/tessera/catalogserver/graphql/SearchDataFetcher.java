package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.searchindex.FacetCount;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.InvalidSearchRequestException;
import io.tessera.searchindex.SearchHit;
import io.tessera.searchindex.SearchIndex;
import io.tessera.searchindex.SearchRequest;
import io.tessera.searchindex.SearchResults;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Query.search}: the search index, filtered by the caller's discover scope (so hits, totals
 * and facet counts leave no trace of hidden entities). Pages forwards with the index's
 * snapshot-stable cursor.
 */
final class SearchDataFetcher implements DataFetcher<SearchDataFetcher.ResultsView> {
  private static final Map<String, FacetDimension> FILTERS =
      Map.of(
          "types", FacetDimension.TYPE,
          "domains", FacetDimension.DOMAIN,
          "states", FacetDimension.STATE,
          "lifecycles", FacetDimension.LIFECYCLE,
          "classifications", FacetDimension.CLASSIFICATION,
          "tags", FacetDimension.TAG,
          "owners", FacetDimension.OWNER,
          "platforms", FacetDimension.PLATFORM,
          "health", FacetDimension.HEALTH);

  private final SearchIndex index;

  SearchDataFetcher(SearchIndex index) {
    this.index = index;
  }

  /** {@code SearchResults}. */
  record ResultsView(long total, Connection<HitView> hits, List<FacetView> facets) {}

  /** {@code SearchHit}. */
  record HitView(
      String iri,
      String type,
      String title,
      String name,
      String qualifiedName,
      String context,
      String snippet,
      float score,
      boolean matchedByMeaning) {}

  /** {@code Facet}. */
  record FacetView(String dimension, List<FacetCount> values) {}

  @Override
  public ResultsView get(DataFetchingEnvironment env) {
    Map<FacetDimension, Set<String>> filters = new EnumMap<>(FacetDimension.class);
    Map<String, Object> filter = env.getArgument("filter");
    if (filter != null) {
      filter.forEach(
          (name, values) -> {
            if (values instanceof List<?> list && !list.isEmpty()) {
              Set<String> kept = new LinkedHashSet<>();
              list.forEach(v -> kept.add(String.valueOf(v)));
              filters.put(FILTERS.get(name), kept);
            }
          });
    }
    int first = env.getArgument("first");
    SearchResults results;
    try {
      results =
          index.search(
              new SearchRequest(
                  env.getArgument("query"),
                  filters,
                  env.getArgument("after"),
                  first,
                  SearchRequest.DEFAULT_FACET_LIMIT,
                  // what the query does not select is not computed
                  env.getSelectionSet().contains("facets")
                      ? SearchRequest.ALL_DIMENSIONS
                      : Set.of(),
                  env.getSelectionSet().contains("hits/edges/node/snippet"),
                  !Boolean.FALSE.equals(env.getArgument("semantic"))),
              GraphQLRequest.searchScope(env));
    } catch (InvalidSearchRequestException e) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, e.getMessage());
    }
    String cursor = results.nextCursor();
    List<Connection.Edge<HitView>> edges = new ArrayList<>();
    for (SearchHit h : results.hits()) {
      edges.add(
          new Connection.Edge<>(
              cursor == null ? "" : cursor,
              new HitView(
                  h.iri(),
                  h.type().slug(),
                  h.title(),
                  h.name(),
                  h.qualifiedName(),
                  h.context(),
                  h.snippet(),
                  h.score(),
                  h.matchedByMeaning())));
    }
    Connection<HitView> hits =
        new Connection<>(
            edges,
            new Connection.PageInfo(cursor != null, env.getArgument("after") != null, null, cursor),
            (int) results.total());
    List<FacetView> facets = new ArrayList<>();
    results.facets().forEach((dim, counts) -> facets.add(new FacetView(dim.parameter(), counts)));
    facets.sort(java.util.Comparator.comparing(FacetView::dimension));
    return new ResultsView(results.total(), hits, facets);
  }
}
