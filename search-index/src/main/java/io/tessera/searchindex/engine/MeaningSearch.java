package io.tessera.searchindex.engine;

import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.SearchRequest;
import io.tessera.searchindex.TextEmbedder;
import io.tessera.searchindex.document.IndexFields;
import io.tessera.searchindex.query.RankingQuery;
import io.tessera.searchindex.query.UserQuery;
import io.tessera.searchindex.query.Vocabulary;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Search by meaning, combined with the ranking by words. The query text is embedded (recent query
 * vectors are remembered) and its nearest documents are looked up in the vector field <em>under the
 * same filter as the search</em>: the facet filters and the caller's visibility clause, so a
 * document the caller may not see is never a candidate. Neighbours at least {@link #MIN_COSINE}
 * close (and not far behind the nearest) join the ranking query as a disjunction: each adds {@link
 * #WEIGHT} × its cosine similarity plus its type's prior, and {@link #PER_WORD} per query word it
 * contains, whether or not the ranking by words matches it too.
 *
 * <p>A boosted disjunction rather than reciprocal rank fusion: it keeps one query, so hits, total,
 * facet counts and cursor paging still come from one collection pass and agree; and the exact-name
 * tiers (200 to 1000) stay far above anything meaning adds (about 20 at most), so an exact or
 * qualified name still ranks first. Among the rest, a close meaning weighs about as much as a title
 * word, so word matches that also mean the same thing rise and entities described in other words
 * are found at all.
 */
final class MeaningSearch {
  /** Nearest neighbours looked up per query. */
  static final int NEIGHBOURS = 50;

  /** Below this cosine similarity a neighbour is not a match (MiniLM: unrelated texts ~0-0.2). */
  static final float MIN_COSINE = 0.25f;

  /** Neighbours further than this below the nearest one are not matches either. */
  static final float MAX_BEHIND_NEAREST = 0.2f;

  /** Score added per unit of cosine similarity. */
  static final float WEIGHT = 20f;

  /** Score per query word a candidate contains (whatever the field). */
  static final float PER_WORD = 2f;

  /**
   * Words a query needs for search by meaning: one word or identifier ({@code quillon_iban}) is a
   * name, which the ranking by words finds (with typos and prefixes); a model reads little meaning
   * into it.
   */
  static final int MIN_WORDS = 2;

  private static final String TYPE_FIELD = IndexFields.filterField(FacetDimension.TYPE);
  private static final Set<String> FIELDS = Set.of(IndexFields.IRI, TYPE_FIELD);

  /** Query vectors remembered. */
  private static final int REMEMBERED = 256;

  /** The ranking query with the meaning part, and the hits that only meaning found. */
  record Hybrid(Query query, Set<String> byMeaningOnly) {}

  private final TextVectors queries;
  private final RankingQuery ranking;

  private MeaningSearch(TextVectors queries, RankingQuery ranking) {
    this.queries = queries;
    this.ranking = ranking;
  }

  /** Search by meaning through the model; null: off (words only). */
  static MeaningSearch of(TextEmbedder model, RankingQuery ranking) {
    return new MeaningSearch(model == null ? null : new TextVectors(model, REMEMBERED), ranking);
  }

  /**
   * The ranking query, extended with the documents close in meaning when the index and the request
   * search by meaning, the query has at least {@value #MIN_WORDS} words and is not the exact name
   * of something the caller may see (a name is looked up, not described). Among those, the ones
   * that share some of the query's words (not enough for the ranking by words to match them) score
   * those words too.
   *
   * @param filter what every hit must match (facet filters and visibility), or null
   */
  Hybrid combine(
      IndexSearcher searcher, SearchRequest request, UserQuery query, Query byWords, Query filter)
      throws IOException {
    String text = text(query);
    if (queries == null || !request.semantic() || text.strip().split("\\s+").length < MIN_WORDS) {
      return new Hybrid(byWords, Set.of());
    }
    Query exact = ranking.exactName(query);
    if (exact != null && searcher.count(filtered(exact, filter)) > 0) {
      return new Hybrid(byWords, Set.of()); // a name: looked up, not described
    }
    float[] vector = queries.of(text);
    Map<String, Float> near = neighbours(searcher, vector, filter);
    if (near.isEmpty()) {
      return new Hybrid(byWords, Set.of());
    }
    Query candidates =
        new TermInSetQuery(IndexFields.IRI, near.keySet().stream().map(BytesRef::new).toList());
    BooleanQuery.Builder meaning = new BooleanQuery.Builder();
    near.forEach(
        (iri, score) ->
            meaning.add(
                new BoostQuery(
                    new ConstantScoreQuery(new TermQuery(new Term(IndexFields.IRI, iri))), score),
                Occur.SHOULD));
    BooleanQuery.Builder hybrid =
        new BooleanQuery.Builder().add(byWords, Occur.SHOULD).add(meaning.build(), Occur.SHOULD);
    Query someWords = ranking.anyWord(query, Vocabulary.of(searcher.getIndexReader()));
    if (someWords != null) {
      hybrid.add(
          new BoostQuery(
              new BooleanQuery.Builder()
                  .add(someWords, Occur.MUST)
                  .add(candidates, Occur.FILTER)
                  .build(),
              PER_WORD),
          Occur.SHOULD);
    }
    Set<String> byMeaningOnly = new HashSet<>(near.keySet());
    byMeaningOnly.removeAll(matchedByWords(searcher, byWords, filter, candidates));
    return new Hybrid(hybrid.build(), Set.copyOf(byMeaningOnly));
  }

  private static Query filtered(Query query, Query filter) {
    return filter == null
        ? query
        : new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  /** The words as typed, without phrase quotes or prefix stars. */
  private static String text(UserQuery query) {
    return String.join(" ", query.parts().stream().map(UserQuery.Part::text).toList());
  }

  /**
   * The IRIs of the nearest visible documents close enough, with what meaning adds to their score:
   * {@link #WEIGHT} × cosine plus their type's prior ({@link EntityType#prior()}: a product before
   * a dataset before a column), as the ranking by words gives its matches.
   */
  private static Map<String, Float> neighbours(IndexSearcher searcher, float[] vector, Query filter)
      throws IOException {
    ScoreDoc[] top =
        searcher.search(
                new KnnFloatVectorQuery(IndexFields.VECTOR, vector, NEIGHBOURS, filter), NEIGHBOURS)
            .scoreDocs;
    Map<String, Float> near = new LinkedHashMap<>();
    StoredFields stored = searcher.storedFields();
    float nearest = top.length == 0 ? 0 : 2 * top[0].score - 1;
    for (ScoreDoc hit : top) {
      float cosine = 2 * hit.score - 1; // Lucene's cosine score is (1 + cosine) / 2
      if (cosine >= MIN_COSINE && cosine >= nearest - MAX_BEHIND_NEAREST) {
        Document doc = stored.document(hit.doc, FIELDS);
        float prior = EntityType.fromSlug(doc.get(TYPE_FIELD)).map(EntityType::prior).orElse(0f);
        near.putIfAbsent(doc.get(IndexFields.IRI), WEIGHT * cosine + prior);
      }
    }
    return near;
  }

  /** Which of the candidates the ranking by words matches too (under the same filter). */
  private static Set<String> matchedByWords(
      IndexSearcher searcher, Query byWords, Query filter, Query candidates) throws IOException {
    Query words =
        filtered(
            new BooleanQuery.Builder()
                .add(byWords, Occur.MUST)
                .add(candidates, Occur.FILTER)
                .build(),
            filter);
    Set<String> matched = new HashSet<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : searcher.search(words, NEIGHBOURS).scoreDocs) {
      matched.add(stored.document(hit.doc, Set.of(IndexFields.IRI)).get(IndexFields.IRI));
    }
    return matched;
  }
}
