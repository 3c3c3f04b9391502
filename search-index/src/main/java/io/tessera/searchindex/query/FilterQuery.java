package io.tessera.searchindex.query;

import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.document.IndexFields;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/** The facet filters of a request: every dimension must match, any of a dimension's values. */
public final class FilterQuery {
  private FilterQuery() {}

  /** The filter, or null when the request has none. */
  public static Query build(Map<FacetDimension, Set<String>> filters) {
    if (filters.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    filters.forEach(
        (dim, values) ->
            all.add(
                new TermInSetQuery(
                    IndexFields.filterField(dim), values.stream().map(BytesRef::new).toList()),
                Occur.FILTER));
    return all.build();
  }
}
