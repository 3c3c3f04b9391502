package io.tessera.searchindex.query;

import io.tessera.graphstore.VisibilityScope;
import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * not documents. Built filters are kept per (snapshot, scope) for the most recent pairs: callers
 * share few scopes (the policy evaluation hands equal principals the same scope), and the index
 * snapshot changes only on refresh, so a repeated search or suggestion reuses its filter.
 */
public final class ScopeFilter {
  private static final int CACHED = 64;

  private record Key(Object snapshot, VisibilityScope scope) {}

  private final Map<Key, Optional<Query>> cache =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<Query>> eldest) {
          return size() > CACHED;
        }
      };

  /** The filter for a scope on a snapshot, or null when the scope hides nothing. */
  public Query build(IndexReader reader, VisibilityScope scope) throws IOException {
    if (scope.isEverything()) {
      return null;
    }
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return compute(reader, scope);
    }
    Key key = new Key(helper.getKey(), scope);
    Optional<Query> cached;
    synchronized (cache) {
      cached = cache.get(key);
    }
    if (cached != null) {
      return cached.orElse(null);
    }
    Query built = compute(reader, scope);
    synchronized (cache) {
      cache.put(key, Optional.ofNullable(built));
    }
    return built;
  }

  private static Query compute(IndexReader reader, VisibilityScope scope) throws IOException {
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
