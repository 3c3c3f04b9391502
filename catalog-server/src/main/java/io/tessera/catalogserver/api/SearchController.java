package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.web.QueryFlags;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.GraphStore;
import io.tessera.searchindex.SearchIndex;
import io.tessera.searchindex.SearchRequest;
import java.util.List;

/**
 * {@code /api/v1/search}: full-text search over the catalog with facets, highlights and cursor
 * paging, typeahead suggestions, and the index's status. Every answer is filtered by the caller's
 * access scope.
 */
@Tag(
    name = "Search",
    description = "Full-text search with facets, typeahead suggestions and the index status")
@Controller("/api/v1/search")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

  private final SearchIndex index;
  private final GraphStore graph;
  private final SearchReads reads;

  public SearchController(SearchIndex index, GraphStore graph, SearchReads reads) {
    this.index = index;
    this.graph = graph;
    this.reads = reads;
  }

  /**
   * Searches. Several values of one filter mean any of them; different filters must all hold.
   *
   * @param q free text: words, {@code "a phrase"}, {@code prefix*}; no other syntax
   * @param cursor the {@code nextCursor} of the previous page
   * @param limit hits per page, 1 to 100
   * @param facets the facet dimensions to count, e.g. {@code domain,type}; {@code none} counts none
   *     (the cheapest search); absent counts every dimension
   * @param highlight {@code false} leaves out the highlighted snippets (cheaper); default true
   * @param semantic {@code false} ranks by words only; by default entities close in meaning are
   *     found too (when the server has search by meaning on), and say {@code matchedByMeaning}
   */
  @Get
  public SearchView search(
      @Nullable @QueryValue String q,
      @Nullable @QueryValue List<String> type,
      @Nullable @QueryValue List<String> domain,
      @Nullable @QueryValue List<String> state,
      @Nullable @QueryValue List<String> lifecycle,
      @Nullable @QueryValue List<String> classification,
      @Nullable @QueryValue List<String> tag,
      @Nullable @QueryValue List<String> owner,
      @Nullable @QueryValue List<String> platform,
      @Nullable @QueryValue List<String> health,
      @Nullable @QueryValue String cursor,
      @QueryValue(defaultValue = "20") int limit,
      @Nullable @QueryValue List<String> facets,
      @Nullable @QueryValue String highlight,
      @Nullable @QueryValue String semantic,
      AccessScope scope) {
    return reads.search(
        q,
        type,
        domain,
        state,
        lifecycle,
        classification,
        tag,
        owner,
        platform,
        health,
        cursor,
        limit,
        facets,
        QueryFlags.bool("highlight", highlight, true),
        QueryFlags.bool("semantic", semantic, true),
        scope);
  }

  /**
   * Typeahead: the best entities whose title or name words start with the typed words.
   *
   * @param limit at most this many, 1 to 100 (default 8)
   */
  @Get("/suggest")
  public SearchSuggestionsView suggest(
      @Nullable @QueryValue String prefix,
      @QueryValue(defaultValue = "8") int limit,
      AccessScope scope) {
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw invalid("limit must be between 1 and " + SearchRequest.MAX_LIMIT);
    }
    String typed = prefix == null ? "" : prefix;
    return SearchSuggestionsView.of(typed, index.suggest(typed, limit, scope.readScope()));
  }

  /** The index's revision, size and rebuild progress. */
  @Get("/status")
  public SearchStatusView status() {
    return SearchStatusView.of(index.status(), graph.revision());
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
