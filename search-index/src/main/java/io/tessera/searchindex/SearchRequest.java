package io.tessera.searchindex;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search: free text, filters, and the page wanted.
 *
 * <p>Filters on different dimensions must all hold; several values of one dimension mean any of
 * them ({@code type=product&type=dataset}). The text is never parsed as Lucene syntax: quotes mark
 * a phrase and a trailing {@code *} a prefix, everything else is plain words.
 *
 * @param query the text as typed; null or blank lists everything the filters allow
 * @param filters the values wanted per dimension
 * @param cursor the {@code nextCursor} of the previous page, or null for the first page
 * @param limit hits per page, 1 to {@link #MAX_LIMIT}
 * @param facetLimit values returned per facet dimension, 1 to {@link #MAX_LIMIT}
 * @param counted the dimensions whose facet values are counted; empty counts none, and then the
 *     search collects no facets at all
 * @param highlight whether hits carry highlighted snippets; without them no stored text is
 *     re-analysed
 * @param semantic whether entities close in meaning are found too (when the index has search by
 *     meaning switched on); false ranks by words only
 */
public record SearchRequest(
    String query,
    Map<FacetDimension, Set<String>> filters,
    String cursor,
    int limit,
    int facetLimit,
    Set<FacetDimension> counted,
    boolean highlight,
    boolean semantic) {
  /** The largest page and the most facet values per dimension. */
  public static final int MAX_LIMIT = 100;

  /** The page size when none is asked for. */
  public static final int DEFAULT_LIMIT = 20;

  /** Facet values per dimension when none is asked for. */
  public static final int DEFAULT_FACET_LIMIT = 20;

  public SearchRequest {
    query = query == null ? "" : query;
    EnumMap<FacetDimension, Set<String>> copy = new EnumMap<>(FacetDimension.class);
    if (filters != null) {
      filters.forEach(
          (dim, values) -> {
            if (values != null && !values.isEmpty()) {
              copy.put(dim, Set.copyOf(values));
            }
          });
    }
    movePlannedAndPhysicalToState(copy);
    filters = Map.copyOf(copy);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidSearchRequestException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (facetLimit < 1 || facetLimit > MAX_LIMIT) {
      throw new InvalidSearchRequestException("facet limit must be between 1 and " + MAX_LIMIT);
    }
    counted = counted == null || counted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(counted));
  }

  /**
   * A search that counts every facet dimension, highlights its hits and also searches by meaning
   * (where the index can).
   */
  public SearchRequest(
      String query,
      Map<FacetDimension, Set<String>> filters,
      String cursor,
      int limit,
      int facetLimit) {
    this(query, filters, cursor, limit, facetLimit, ALL_DIMENSIONS, true, true);
  }

  /** Every facet dimension. */
  public static final Set<FacetDimension> ALL_DIMENSIONS =
      Set.copyOf(EnumSet.allOf(FacetDimension.class));

  /** The same request counting only these facet dimensions (none when empty). */
  public SearchRequest withCounted(Set<FacetDimension> dimensions) {
    return new SearchRequest(
        query, filters, cursor, limit, facetLimit, dimensions, highlight, semantic);
  }

  /** The same request with or without highlighted snippets. */
  public SearchRequest withHighlight(boolean on) {
    return new SearchRequest(query, filters, cursor, limit, facetLimit, counted, on, semantic);
  }

  /**
   * {@code lifecycle=planned} and {@code lifecycle=physical} meant the state before it had a
   * dimension of its own: such values become {@link FacetDimension#STATE} filters.
   */
  private static void movePlannedAndPhysicalToState(Map<FacetDimension, Set<String>> filters) {
    Set<String> lifecycle = filters.get(FacetDimension.LIFECYCLE);
    if (lifecycle == null) {
      return;
    }
    Set<String> states = new TreeSet<>(filters.getOrDefault(FacetDimension.STATE, Set.of()));
    Set<String> declared = new TreeSet<>();
    for (String value : lifecycle) {
      (STATES.contains(value) ? states : declared).add(value);
    }
    if (declared.isEmpty()) {
      filters.remove(FacetDimension.LIFECYCLE);
    } else {
      filters.put(FacetDimension.LIFECYCLE, Set.copyOf(declared));
    }
    if (!states.isEmpty()) {
      filters.put(FacetDimension.STATE, Set.copyOf(states));
    }
  }

  /** The values of {@link FacetDimension#STATE}. */
  public static final Set<String> STATES = Set.of("planned", "physical");

  /** A first-page request for the text, with default limits and no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, Map.of(), null, DEFAULT_LIMIT, DEFAULT_FACET_LIMIT);
  }

  /** The same request with one more filter value. */
  public SearchRequest withFilter(FacetDimension dimension, String... values) {
    EnumMap<FacetDimension, Set<String>> more = new EnumMap<>(FacetDimension.class);
    more.putAll(filters);
    Set<String> merged = new TreeSet<>(filters.getOrDefault(dimension, Set.of()));
    merged.addAll(List.of(values));
    more.put(dimension, merged);
    return new SearchRequest(query, more, cursor, limit, facetLimit, counted, highlight, semantic);
  }

  /** The same request for the page after the one the cursor came with. */
  public SearchRequest withCursor(String nextCursor) {
    return new SearchRequest(
        query, filters, nextCursor, limit, facetLimit, counted, highlight, semantic);
  }

  /** The same request with another page size. */
  public SearchRequest withLimit(int newLimit) {
    return new SearchRequest(
        query, filters, cursor, newLimit, facetLimit, counted, highlight, semantic);
  }

  /** The same request, searching by meaning too or not. */
  public SearchRequest withSemantic(boolean byMeaning) {
    return new SearchRequest(
        query, filters, cursor, limit, facetLimit, counted, highlight, byMeaning);
  }

  /** The values wanted for a dimension (empty if it does not filter). */
  public Set<String> filter(FacetDimension dimension) {
    return filters.getOrDefault(dimension, Set.of());
  }

  /**
   * A canonical form of the query and filters, which a cursor carries so that it cannot be used
   * with another search.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder(query.strip());
    if (!semantic) {
      canonical.append("\u0000words-only");
    }
    for (FacetDimension dim : FacetDimension.values()) {
      canonical.append('\u0000').append(dim.parameter()).append('=');
      new TreeSet<>(filter(dim)).forEach(v -> canonical.append(v).append('\u0001'));
    }
    return Integer.toHexString(canonical.toString().hashCode());
  }
}
