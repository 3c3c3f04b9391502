package io.tessera.searchindex;

import java.util.List;
import java.util.Map;

/**
 * One entity found by a search.
 *
 * @param title what to show as the hit's heading (a product's title, a column's name...)
 * @param name the entity's own name (slug, column name, OpenLineage name)
 * @param qualifiedName the name that identifies it in the catalog ({@code sales/orders}, {@code
 *     sales.public.orders.order_id}...)
 * @param context where it sits, for display ({@code Customer Orders › orders-table})
 * @param snippet a passage of its description (or of its column list) with the matched words in
 *     {@code <mark>}; HTML-escaped; null when there is nothing to show
 * @param score the relevance score; higher is better
 * @param values its values for every facet dimension
 * @param matchedByMeaning whether it was found by meaning only: its description is close to the
 *     query's meaning while none of the query's words match it
 */
public record SearchHit(
    String iri,
    EntityType type,
    String title,
    String name,
    String qualifiedName,
    String context,
    String snippet,
    float score,
    Map<FacetDimension, List<String>> values,
    boolean matchedByMeaning) {
  public SearchHit {
    values = Map.copyOf(values);
  }

  /** A hit that its words matched. */
  public SearchHit(
      String iri,
      EntityType type,
      String title,
      String name,
      String qualifiedName,
      String context,
      String snippet,
      float score,
      Map<FacetDimension, List<String>> values) {
    this(iri, type, title, name, qualifiedName, context, snippet, score, values, false);
  }

  /** The same hit, found by meaning only. */
  public SearchHit byMeaning() {
    return new SearchHit(
        iri, type, title, name, qualifiedName, context, snippet, score, values, true);
  }

  /** Its values for one dimension (empty if none). */
  public List<String> values(FacetDimension dimension) {
    return values.getOrDefault(dimension, List.of());
  }

  /** Its (first) domain, or null. */
  public String domain() {
    List<String> domains = values(FacetDimension.DOMAIN);
    return domains.isEmpty() ? null : domains.getFirst();
  }
}
