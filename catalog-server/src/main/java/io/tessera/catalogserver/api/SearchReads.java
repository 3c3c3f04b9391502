package io.tessera.catalogserver.api;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.ontology.Lifecycle;
import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.InvalidSearchRequestException;
import io.tessera.searchindex.SearchIndex;
import io.tessera.searchindex.SearchRequest;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Catalog search through a caller's scope, for {@code GET /api/v1/search} and the MCP {@code
 * search_catalog} tool: the request checked (limit, filter values), then the index's hits, facet
 * counts and highlights for what the caller's {@code ReadScope} allows.
 */
@Singleton
public class SearchReads {
  private static final int MAX_FILTER_VALUES = 50;
  private static final Set<String> LIFECYCLES = lifecycles();

  private final SearchIndex index;

  public SearchReads(SearchIndex index) {
    this.index = index;
  }

  /**
   * Searches. Several values of one filter mean any of them; different filters must all hold.
   *
   * @param q free text: words, {@code "a phrase"}, {@code prefix*}; no other syntax
   * @param cursor the {@code nextCursor} of the previous page
   * @param limit hits per page, 1 to 100
   * @param facets the facet dimensions to count ({@code none} for none); null counts every one
   * @param highlight whether hits carry highlighted snippets
   * @param semantic whether entities close in meaning are found too (when the server has search by
   *     meaning on)
   */
  public SearchView search(
      String q,
      List<String> type,
      List<String> domain,
      List<String> state,
      List<String> lifecycle,
      List<String> classification,
      List<String> tag,
      List<String> owner,
      List<String> platform,
      List<String> health,
      String cursor,
      int limit,
      List<String> facets,
      boolean highlight,
      boolean semantic,
      AccessScope scope) {
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw invalid("limit must be between 1 and " + SearchRequest.MAX_LIMIT);
    }
    Map<FacetDimension, Set<String>> filters = new EnumMap<>(FacetDimension.class);
    put(filters, FacetDimension.TYPE, type);
    put(filters, FacetDimension.DOMAIN, domain);
    put(filters, FacetDimension.STATE, state);
    put(filters, FacetDimension.LIFECYCLE, lifecycle);
    put(filters, FacetDimension.CLASSIFICATION, classification);
    put(filters, FacetDimension.TAG, tag);
    put(filters, FacetDimension.OWNER, owner);
    put(filters, FacetDimension.PLATFORM, platform);
    put(filters, FacetDimension.HEALTH, health);
    checkValues(filters);
    String query = q == null ? "" : q;
    try {
      SearchRequest request =
          new SearchRequest(
              query,
              filters,
              cursor,
              limit,
              SearchRequest.DEFAULT_FACET_LIMIT,
              counted(facets),
              highlight,
              semantic);
      return SearchView.of(query, index.search(request, scope.readScope()));
    } catch (InvalidSearchRequestException e) {
      throw invalid(e.getMessage());
    }
  }

  private static void put(
      Map<FacetDimension, Set<String>> filters, FacetDimension dim, List<String> values) {
    if (values == null) {
      return;
    }
    Set<String> kept = new LinkedHashSet<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          kept.add(part.strip());
        }
      }
    }
    if (kept.size() > MAX_FILTER_VALUES) {
      throw invalid(dim.parameter() + " takes at most " + MAX_FILTER_VALUES + " values");
    }
    if (!kept.isEmpty()) {
      filters.put(dim, kept);
    }
  }

  /** The dimensions named by {@code facets}: all when absent, none for {@code none}. */
  private static Set<FacetDimension> counted(List<String> facets) {
    if (facets == null) {
      return SearchRequest.ALL_DIMENSIONS;
    }
    Set<FacetDimension> counted = java.util.EnumSet.noneOf(FacetDimension.class);
    boolean none = false;
    for (String value : facets) {
      for (String part : value.split(",")) {
        String name = part.strip();
        if (name.isEmpty()) {
          continue;
        }
        if (name.equals("none")) {
          none = true;
          continue;
        }
        counted.add(
            Arrays.stream(FacetDimension.values())
                .filter(d -> d.parameter().equals(name))
                .findFirst()
                .orElseThrow(
                    () ->
                        invalid(
                            "facets must be none or among "
                                + Arrays.stream(FacetDimension.values())
                                    .map(FacetDimension::parameter)
                                    .collect(Collectors.joining(", "))
                                + ", not '"
                                + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                                + "'")));
      }
    }
    if (none && !counted.isEmpty()) {
      throw invalid("facets=none cannot be combined with dimensions");
    }
    return counted;
  }

  private static void checkValues(Map<FacetDimension, Set<String>> filters) {
    for (String t : filters.getOrDefault(FacetDimension.TYPE, Set.of())) {
      if (EntityType.fromSlug(t).isEmpty()) {
        throw invalid(
            "type must be one of "
                + Arrays.stream(EntityType.values())
                    .map(EntityType::slug)
                    .collect(Collectors.joining(", ")));
      }
    }
    for (String l : filters.getOrDefault(FacetDimension.STATE, Set.of())) {
      if (!SearchRequest.STATES.contains(l)) {
        throw invalid("state must be planned or physical");
      }
    }
    for (String l : filters.getOrDefault(FacetDimension.LIFECYCLE, Set.of())) {
      if (!LIFECYCLES.contains(l)) {
        throw invalid("lifecycle must be one of " + String.join(", ", LIFECYCLES));
      }
    }
  }

  private static Set<String> lifecycles() {
    Set<String> values = new LinkedHashSet<>(List.of("planned", "physical"));
    Arrays.stream(Lifecycle.values()).map(Lifecycle::slug).forEach(values::add);
    return values;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
