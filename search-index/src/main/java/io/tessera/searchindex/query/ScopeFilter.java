package io.tessera.searchindex.query;

import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.searchindex.document.Disclosure;
import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The visibility filter: a document is visible when the {@code discover} scope allows every graph
 * its content comes from ({@link IndexFields#CONTENT_GRAPH}) and at least one of its {@link
 * IndexFields#MENTION_GRAPH}s. The {@code read} scope is tested the same way and decides by the
 * document's {@link IndexFields#DISCLOSURE}: a detail (a port, a column, a product or dataset with
 * its column words) must also pass it; a redacted stand-in must fail it, so that a product the
 * caller may discover but not read is found by its name and description but never by its columns.
 * The same clause is applied to searches, facet counts and suggestions, so a hidden entity or
 * detail leaves no trace in any of them.
 *
 * <p>The scopes are predicates on graph IRIs; the filter is built by testing each graph term of the
 * snapshot being searched (one term per named graph), so its cost grows with the number of graphs,
 * not documents. Built filters are kept per (snapshot, scope) for the most recent pairs: callers
 * share few scopes (the policy evaluation hands equal principals the same scope), and the index
 * snapshot changes only on refresh, so a repeated search or suggestion reuses its filter.
 */
public final class ScopeFilter {
  private static final int CACHED = 64;

  private record Key(Object snapshot, ReadScope scope) {}

  private final Map<Key, Optional<Query>> cache =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Optional<Query>> eldest) {
          return size() > CACHED;
        }
      };

  /** Only what hides nothing: every document but the redacted stand-ins. */
  private static final Query UNREDACTED =
      new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.FILTER)
          .add(disclosure(Disclosure.REDACTED), Occur.MUST_NOT)
          .build();

  /** The filter for a scope on a snapshot; never null (redacted stand-ins are always filtered). */
  public Query build(IndexReader reader, ReadScope scope) throws IOException {
    if (scope.isEverything()) {
      return UNREDACTED;
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
      return cached.orElseThrow();
    }
    Query built = compute(reader, scope);
    synchronized (cache) {
      cache.put(key, Optional.of(built));
    }
    return built;
  }

  private static Query compute(IndexReader reader, ReadScope scope) throws IOException {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    if (!scope.discover().isEverything()) {
      filter.add(allowed(reader, scope.discover()), Occur.FILTER);
    }
    if (scope.read().isEverything()) {
      filter.add(new MatchAllDocsQuery(), Occur.FILTER);
      filter.add(disclosure(Disclosure.REDACTED), Occur.MUST_NOT);
      return filter.build();
    }
    Query readable = allowed(reader, scope.read());
    BooleanQuery.Builder disclosed = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    disclosed.add(disclosure(Disclosure.OPEN), Occur.SHOULD);
    disclosed.add(
        new BooleanQuery.Builder()
            .add(disclosure(Disclosure.DETAIL), Occur.FILTER)
            .add(readable, Occur.FILTER)
            .build(),
        Occur.SHOULD);
    disclosed.add(
        new BooleanQuery.Builder()
            .add(disclosure(Disclosure.REDACTED), Occur.FILTER)
            .add(readable, Occur.MUST_NOT)
            .build(),
        Occur.SHOULD);
    filter.add(disclosed.build(), Occur.FILTER);
    return filter.build();
  }

  private static Query disclosure(Disclosure value) {
    return new TermQuery(new Term(IndexFields.DISCLOSURE, value.slug()));
  }

  /** The documents one graph scope allows: all content graphs, and at least one mention graph. */
  private static Query allowed(IndexReader reader, VisibilityScope scope) throws IOException {
    if (scope.isEverything()) {
      return new MatchAllDocsQuery();
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
