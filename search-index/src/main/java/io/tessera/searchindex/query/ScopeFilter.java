package io.tessera.searchindex.query;

import io.tessera.graphstore.VisibilityScope;
import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The visibility filter: a document is visible when the scope allows every graph its content comes
 * from ({@link IndexFields#CONTENT_GRAPH}) and at least one of its {@link
 * IndexFields#MENTION_GRAPH}s. The same clause is applied to searches, facet counts and
 * suggestions, so a hidden entity leaves no trace in any of them.
 *
 * <p>The scope is a predicate on graph IRIs; the filter is built by testing each graph term of the
 * snapshot being searched (one term per named graph), so its cost grows with the number of graphs,
 * not documents.
 */
public final class ScopeFilter {
  private ScopeFilter() {}

  /** The filter for a scope on a snapshot, or null when the scope hides nothing. */
  public static Query build(IndexReader reader, VisibilityScope scope) throws IOException {
    if (scope.isEverything()) {
      return null;
    }
    List<BytesRef> denied = terms(reader, IndexFields.CONTENT_GRAPH, scope, false);
    List<BytesRef> allowed = terms(reader, IndexFields.MENTION_GRAPH, scope, true);
    if (allowed.isEmpty()) {
      return new MatchNoDocsQuery("the scope allows no graph of this index");
    }
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    filter.add(new TermInSetQuery(IndexFields.MENTION_GRAPH, allowed), Occur.FILTER);
    if (!denied.isEmpty()) {
      filter.add(new TermInSetQuery(IndexFields.CONTENT_GRAPH, denied), Occur.MUST_NOT);
    }
    return filter.build();
  }

  private static List<BytesRef> terms(
      IndexReader reader, String field, VisibilityScope scope, boolean allowed) throws IOException {
    List<BytesRef> matching = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return matching;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef term = it.next(); term != null; term = it.next()) {
      if (scope.allows(term.utf8ToString()) == allowed) {
        matching.add(BytesRef.deepCopyOf(term));
      }
    }
    return matching;
  }
}
