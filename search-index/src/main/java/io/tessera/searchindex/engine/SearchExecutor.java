package io.tessera.searchindex.engine;

import io.tessera.graphstore.ReadScope;
import io.tessera.searchindex.FacetCount;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.InvalidSearchRequestException;
import io.tessera.searchindex.SearchHit;
import io.tessera.searchindex.SearchRequest;
import io.tessera.searchindex.SearchResults;
import io.tessera.searchindex.document.DocumentMapper;
import io.tessera.searchindex.document.IndexFields;
import io.tessera.searchindex.query.Cursor;
import io.tessera.searchindex.query.FilterQuery;
import io.tessera.searchindex.query.RankingQuery;
import io.tessera.searchindex.query.ScopeFilter;
import io.tessera.searchindex.query.UserQuery;
import io.tessera.searchindex.query.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * Answers a search on one snapshot: hits, total and facet counts all come from one collection pass
 * over one query (ranking AND facet filters AND visibility scope), so the counts are exactly what
 * paging would show. Pages are ordered by (score descending, IRI ascending) and continued with
 * searchAfter from the cursor, on the snapshot the first page was read from while it is kept.
 */
final class SearchExecutor {
  private static final Sort ORDER =
      new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.IRI, SortField.Type.STRING));

  private final ScopeFilter scopes;
  private final IndexStore store;
  private final RankingQuery ranking;
  private final DocumentMapper mapper;
  private final Snippets snippets;
  private final MeaningSearch meaning;

  SearchExecutor(
      IndexStore store,
      RankingQuery ranking,
      DocumentMapper mapper,
      Snippets snippets,
      ScopeFilter scopes,
      MeaningSearch meaning) {
    this.meaning = meaning;
    this.scopes = scopes;
    this.store = store;
    this.ranking = ranking;
    this.mapper = mapper;
    this.snippets = snippets;
  }

  SearchResults search(SearchRequest request, ReadScope scope) {
    Cursor cursor = cursor(request);
    UserQuery query = UserQuery.parse(request.query());
    return store.withSnapshot(
        cursor == null ? null : cursor.snapshot(),
        (searcher, snapshot) -> {
          try {
            // rewritten once (fuzzy words expand to terms here): the search and the highlighter
            // then share the expansion instead of building the automata twice
            Query scoring =
                searcher.rewrite(ranking.build(query, Vocabulary.of(searcher.getIndexReader())));
            return run(searcher, snapshot, request, scope, query, scoring, cursor);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Cursor cursor(SearchRequest request) {
    if (request.cursor() == null || request.cursor().isBlank()) {
      return null;
    }
    Cursor cursor = Cursor.decode(request.cursor());
    if (!cursor.fingerprint().equals(request.fingerprint())) {
      throw new InvalidSearchRequestException(
          "cursor belongs to another search (query or filters changed)");
    }
    return cursor;
  }

  private SearchResults run(
      SnapshotSearcher searcher,
      long snapshot,
      SearchRequest request,
      ReadScope scope,
      UserQuery userQuery,
      Query scoring,
      Cursor cursor)
      throws IOException {
    Query filter = FilterQuery.build(request.filters());
    Query visible = scopes.build(searcher.getIndexReader(), scope);
    Query filters = both(filter, visible);
    MeaningSearch.Hybrid hybrid = meaning.combine(searcher, request, userQuery, scoring, filters);
    BooleanQuery.Builder full = new BooleanQuery.Builder().add(hybrid.query(), Occur.MUST);
    if (filters != null) {
      full.add(filters, Occur.FILTER);
    }
    Query query = full.build();
    int wanted = request.limit() + 1;
    FacetsCollector collector = null;
    TopDocs top;
    long total;
    if (request.counted().isEmpty()) {
      TopFieldCollectorManager manager =
          new TopFieldCollectorManager(
              ORDER,
              wanted,
              cursor == null ? null : cursor.after(searcher.getIndexReader().maxDoc()),
              Integer.MAX_VALUE);
      top = searcher.search(query, manager);
      total = top.totalHits.value();
    } else {
      FacetsCollectorManager.FacetsResult result =
          cursor == null
              ? FacetsCollectorManager.search(
                  searcher, query, wanted, ORDER, false, new FacetsCollectorManager())
              : FacetsCollectorManager.searchAfter(
                  searcher,
                  cursor.after(searcher.getIndexReader().maxDoc()),
                  query,
                  wanted,
                  ORDER,
                  false,
                  new FacetsCollectorManager());
      top = result.topDocs();
      collector = result.facetsCollector();
      total = collector.getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
    }
    ScoreDoc[] found = top.scoreDocs;
    ScoreDoc[] page = Arrays.copyOf(found, Math.min(found.length, request.limit()));
    String[] snippetsOf =
        request.highlight() ? snippets.of(searcher, scoring, page) : new String[page.length];
    List<SearchHit> hits = new ArrayList<>(page.length);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < page.length; i++) {
      SearchHit hit = mapper.toHit(stored.document(page[i].doc), score(page[i]), snippetsOf[i]);
      hits.add(hybrid.byMeaningOnly().contains(hit.iri()) ? hit.byMeaning() : hit);
    }
    String next = null;
    if (found.length > request.limit() && page.length > 0) {
      FieldDoc last = (FieldDoc) page[page.length - 1];
      next =
          new Cursor(
                  snapshot,
                  score(last),
                  ((BytesRef) last.fields[1]).utf8ToString(),
                  request.fingerprint())
              .encode();
    }
    return new SearchResults(
        total,
        hits,
        collector == null
            ? Map.of()
            : facets(searcher, collector, request.counted(), request.facetLimit()),
        next,
        searcher.revision());
  }

  /** Both filters (either may be null), or null. */
  private static Query both(Query filter, Query visible) {
    if (filter == null || visible == null) {
      return filter == null ? visible : filter;
    }
    return new BooleanQuery.Builder().add(filter, Occur.FILTER).add(visible, Occur.FILTER).build();
  }

  private static float score(ScoreDoc doc) {
    return (Float) ((FieldDoc) doc).fields[0];
  }

  private static Map<FacetDimension, List<FacetCount>> facets(
      SnapshotSearcher searcher, FacetsCollector collector, Set<FacetDimension> counted, int limit)
      throws IOException {
    Map<FacetDimension, List<FacetCount>> counts = new EnumMap<>(FacetDimension.class);
    if (searcher.facets() == null) {
      return counts;
    }
    Facets facets = new SortedSetDocValuesFacetCounts(searcher.facets(), collector);
    for (FacetDimension dim : counted) {
      FacetResult result;
      try {
        result = facets.getTopChildren(limit, dim.parameter());
      } catch (IllegalArgumentException e) {
        result = null; // no document of this snapshot has a value for the dimension
      }
      if (result != null && result.labelValues.length > 0) {
        List<FacetCount> values = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
          values.add(new FacetCount(lv.label, lv.value.longValue()));
        }
        counts.put(dim, List.copyOf(values));
      }
    }
    return counts;
  }
}
