package io.tessera.searchindex.engine;

import io.tessera.graphstore.ReadScope;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.Suggestion;
import io.tessera.searchindex.document.DocumentMapper;
import io.tessera.searchindex.document.IndexFields;
import io.tessera.searchindex.query.ScopeFilter;
import io.tessera.searchindex.query.SuggestQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/** Answers typeahead on the current snapshot, with the same visibility filter as searches. */
final class SuggestExecutor {
  private static final Sort ORDER =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(IndexFields.TITLE_SORT, SortField.Type.STRING),
          new SortField(IndexFields.IRI, SortField.Type.STRING));
  private static final Set<String> STORED =
      Set.of(
          IndexFields.IRI,
          IndexFields.TITLE,
          IndexFields.QUALIFIED_NAME,
          IndexFields.CONTEXT,
          IndexFields.filterField(FacetDimension.TYPE));

  private final ScopeFilter scopes;
  private final IndexStore store;
  private final SuggestQuery suggest;
  private final DocumentMapper mapper;

  SuggestExecutor(
      IndexStore store, SuggestQuery suggest, DocumentMapper mapper, ScopeFilter scopes) {
    this.scopes = scopes;
    this.store = store;
    this.suggest = suggest;
    this.mapper = mapper;
  }

  List<Suggestion> suggest(String prefix, int limit, ReadScope scope) {
    Query query = suggest.build(prefix);
    if (query == null) {
      return List.of();
    }
    return store.withCurrent(
        searcher -> {
          BooleanQuery.Builder full = new BooleanQuery.Builder().add(query, Occur.MUST);
          Query visible = scopes.build(searcher.getIndexReader(), scope);
          if (visible != null) {
            full.add(visible, Occur.FILTER);
          }
          List<Suggestion> suggestions = new ArrayList<>();
          StoredFields stored = searcher.storedFields();
          for (ScoreDoc hit : searcher.search(full.build(), limit, ORDER, false).scoreDocs) {
            suggestions.add(mapper.toSuggestion(stored.document(hit.doc, STORED)));
          }
          return suggestions;
        });
  }
}
