package io.tessera.searchindex.query;

import io.tessera.searchindex.EntityType;
import io.tessera.searchindex.FacetDimension;
import io.tessera.searchindex.document.Analyzers;
import io.tessera.searchindex.document.IndexFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds the scoring query for a {@link UserQuery}, programmatically from analysed terms (user text
 * never reaches a query parser). The score is a sum of tiers:
 *
 * <ol>
 *   <li>exact matches of the whole input, as a constant: a qualified name ({@code sales/orders},
 *       {@code sales.public.orders}) {@value #EXACT_QUALIFIED}, a title or name {@value
 *       #EXACT_NAME}, the last segment of a dotted name {@value #EXACT_SHORT}; the best one counts;
 *   <li>BM25 relevance per word, the best field counting (title ×4 &gt; name ×3 &gt; keywords ×1.5
 *       &gt; description ×1 &gt; column names ×0.5 &gt; context ×0.3), with fuzzy (typos) and
 *       prefix matching on title and name words; all words must match (three or more: three
 *       quarters);
 *   <li>a proximity bonus when the words appear together in the title or description;
 *   <li>a small prior by entity type ({@link EntityType#prior()}) and a smaller one by lifecycle
 *       (physical, in use).
 * </ol>
 *
 * The exact tiers are far above anything relevance can add, so an exact name always ranks first.
 */
public final class RankingQuery {
  static final float EXACT_QUALIFIED = 1000f;
  static final float EXACT_NAME = 500f;
  static final float EXACT_SHORT = 200f;
  private static final float FUZZY = 1.5f;
  private static final float PREFIX = 1.5f;
  private static final float OPEN_PREFIX = 0.5f;
  private static final int MAX_TOKENS = 32;
  private static final int MIN_FUZZY_LENGTH = 4;
  private static final int MAX_FUZZY_LENGTH = 32;
  private static final int MIN_OPEN_PREFIX_LENGTH = 3;
  private static final Map<String, Float> FIELDS = fields();
  private static final float PHYSICAL_PRIOR = 0.5f;
  private static final Map<String, Float> LIFECYCLE_PRIOR =
      Map.of("consume", 0.3f, "deploy", 0.2f, "build", 0.1f);

  private final Analyzers analyzers;

  public RankingQuery(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** One analysed word: its stem, its unstemmed form, where it is, and whether it is a prefix. */
  private record Word(String stem, String word, int position, boolean prefix) {}

  /**
   * The scoring query; blank input matches everything (ordered by the priors). Words the vocabulary
   * knows are matched as they are; the others also fuzzily.
   */
  public Query build(UserQuery query, Vocabulary vocabulary) {
    if (query.isBlank()) {
      return withPrior(new ConstantScoreQuery(new MatchAllDocsQuery()));
    }
    BooleanQuery.Builder match = new BooleanQuery.Builder();
    int clauses = 0;
    if (!query.exactKey().isEmpty()) {
      match.add(exact(query.exactKey()), Occur.SHOULD);
      clauses++;
    }
    Query text = text(query, vocabulary, false);
    if (text != null) {
      match.add(text, Occur.SHOULD);
      clauses++;
    }
    if (clauses == 0) {
      return new MatchNoDocsQuery("nothing to search for");
    }
    match.setMinimumNumberShouldMatch(1);
    return withPrior(match.build());
  }

  /**
   * Any of the query's words (typos and prefixes as in {@link #build}), each matched word scoring 1
   * whatever its field or frequency: how many of the words an entity shares; null when there are no
   * words. Search by meaning adds it to the entities close in meaning, so that among them those
   * sharing more of the query's words rank higher.
   */
  public Query anyWord(UserQuery query, Vocabulary vocabulary) {
    return query.isBlank() ? null : text(query, vocabulary, true);
  }

  /**
   * The exact-name part alone: whether the whole input is some entity's name, qualified name or
   * short name; null for blank input.
   */
  public Query exactName(UserQuery query) {
    return query.exactKey().isEmpty() ? null : exact(query.exactKey());
  }

  private static Query exact(String key) {
    return new DisjunctionMaxQuery(
        List.of(
            constant(IndexFields.EXACT_QUALIFIED, key, EXACT_QUALIFIED),
            constant(IndexFields.EXACT_NAME, key, EXACT_NAME),
            constant(IndexFields.EXACT_SHORT, key, EXACT_SHORT)),
        0f);
  }

  private Query text(UserQuery query, Vocabulary vocabulary, boolean anyWord) {
    List<Word> words = new ArrayList<>();
    List<Query> phrases = new ArrayList<>();
    int base = 0;
    for (int i = 0; i < query.parts().size(); i++) {
      UserQuery.Part part = query.parts().get(i);
      boolean last = i == query.parts().size() - 1;
      if (part instanceof UserQuery.Phrase phrase) {
        Query q = phrase(phrase.text());
        if (q != null) {
          phrases.add(q);
        }
      } else if (part instanceof UserQuery.Word word) {
        List<Word> analysed = words(word.text(), base, word.prefix(), last && query.openEnded());
        words.addAll(analysed);
        base = analysed.isEmpty() ? base + 1 : analysed.getLast().position() + 1;
      }
    }
    if (words.size() > MAX_TOKENS) {
      words = words.subList(0, MAX_TOKENS);
    }
    if (words.isEmpty() && phrases.isEmpty()) {
      return null;
    }
    if (anyWord) {
      if (words.isEmpty()) {
        return null;
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      words.forEach(w -> any.add(new ConstantScoreQuery(word(w, vocabulary)), Occur.SHOULD));
      return any.build();
    }
    BooleanQuery.Builder text = new BooleanQuery.Builder();
    phrases.forEach(p -> text.add(p, Occur.MUST));
    if (!words.isEmpty()) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      words.forEach(w -> all.add(word(w, vocabulary), Occur.SHOULD));
      int n = words.size();
      all.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.75));
      text.add(all.build(), Occur.MUST);
      if (n >= 2) {
        text.add(proximity(words), Occur.SHOULD);
      }
    }
    return text.build();
  }

  /** A word's analysed parts; the last part carries the prefix flags. */
  private List<Word> words(String text, int base, boolean prefix, boolean open) {
    List<Tokens.Token> plain = Tokens.analyze(analyzers.words(), IndexFields.WORDS, text);
    Map<Integer, String> stems = new HashMap<>();
    Tokens.analyze(analyzers.text(), IndexFields.TITLE, text)
        .forEach(t -> stems.put(t.position(), t.term()));
    List<Word> words = new ArrayList<>();
    for (int i = 0; i < plain.size(); i++) {
      Tokens.Token t = plain.get(i);
      boolean last = i == plain.size() - 1;
      words.add(
          new Word(
              stems.getOrDefault(t.position(), t.term()),
              t.term(),
              base + t.position(),
              last && (prefix || open)));
    }
    if (!words.isEmpty() && !prefix && open) {
      // an open-ended last word is only a prefix when it is long enough to be worth expanding
      Word last = words.getLast();
      if (last.word().length() < MIN_OPEN_PREFIX_LENGTH) {
        words.set(words.size() - 1, new Word(last.stem(), last.word(), last.position(), false));
      }
    }
    return words;
  }

  private static Query word(Word w, Vocabulary vocabulary) {
    List<Query> alternatives = new ArrayList<>();
    FIELDS.forEach(
        (field, boost) -> alternatives.add(boost(new TermQuery(new Term(field, w.stem())), boost)));
    int length = w.word().codePointCount(0, w.word().length());
    if (length >= MIN_FUZZY_LENGTH
        && length <= MAX_FUZZY_LENGTH
        && !vocabulary.knows(w.word(), w.stem())) {
      int edits = length >= 6 ? 2 : 1;
      alternatives.add(
          boost(new FuzzyQuery(new Term(IndexFields.WORDS, w.word()), edits, 1, 30, true), FUZZY));
    }
    if (w.prefix()) {
      alternatives.add(boost(new PrefixQuery(new Term(IndexFields.WORDS, w.word())), PREFIX));
    }
    return new DisjunctionMaxQuery(alternatives, 0.1f);
  }

  /** Bonus when the words appear close together in the title or the description. */
  private static Query proximity(List<Word> words) {
    return new DisjunctionMaxQuery(
        List.of(
            boost(phrase(IndexFields.TITLE, words, 2), 2f),
            boost(phrase(IndexFields.DESCRIPTION, words, 3), 0.5f),
            boost(phrase(IndexFields.COLUMNS, words, 0), 0.5f)),
        0f);
  }

  /** A quoted phrase: its words must appear in this order in one field. */
  private Query phrase(String text) {
    List<Tokens.Token> tokens = Tokens.analyze(analyzers.text(), IndexFields.TITLE, text);
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() > MAX_TOKENS) {
      tokens = tokens.subList(0, MAX_TOKENS);
    }
    List<Word> words =
        tokens.stream().map(t -> new Word(t.term(), t.term(), t.position(), false)).toList();
    if (words.size() == 1) {
      return word(words.getFirst(), Vocabulary.NONE);
    }
    List<Query> fields = new ArrayList<>();
    FIELDS.forEach((field, boost) -> fields.add(boost(phrase(field, words, 0), boost)));
    return new DisjunctionMaxQuery(fields, 0.1f);
  }

  private static Query phrase(String field, List<Word> words, int slop) {
    PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(slop);
    int first = words.getFirst().position();
    for (Word w : words) {
      builder.add(new Term(field, w.stem()), w.position() - first);
    }
    return builder.build();
  }

  /**
   * Adds the priors, the same for every query: a constant per entity type, and a smaller one for
   * what is real and in use (physical; consume, deploy, build), so that among equal matches a
   * deprecated or merely planned entity comes last.
   */
  static Query withPrior(Query match) {
    BooleanQuery.Builder prior = new BooleanQuery.Builder();
    for (EntityType type : EntityType.values()) {
      prior.add(
          constant(IndexFields.filterField(FacetDimension.TYPE), type.slug(), type.prior()),
          Occur.SHOULD);
    }
    prior.add(
        constant(IndexFields.filterField(FacetDimension.STATE), "physical", PHYSICAL_PRIOR),
        Occur.SHOULD);
    LIFECYCLE_PRIOR.forEach(
        (value, boost) ->
            prior.add(
                constant(IndexFields.filterField(FacetDimension.LIFECYCLE), value, boost),
                Occur.SHOULD));
    return new BooleanQuery.Builder()
        .add(match, Occur.MUST)
        .add(prior.build(), Occur.SHOULD)
        .build();
  }

  static Query constant(String field, String value, float boost) {
    return boost(new ConstantScoreQuery(new TermQuery(new Term(field, value))), boost);
  }

  private static Query boost(Query query, float boost) {
    return boost == 1f ? query : new BoostQuery(query, boost);
  }

  private static Map<String, Float> fields() {
    Map<String, Float> fields = new LinkedHashMap<>();
    fields.put(IndexFields.TITLE, 4f);
    fields.put(IndexFields.NAME, 3f);
    fields.put(IndexFields.KEYWORDS, 1.5f);
    fields.put(IndexFields.DESCRIPTION, 1f);
    fields.put(IndexFields.COLUMNS, 0.5f);
    fields.put(IndexFields.CONTEXT, 0.3f);
    return Collections.unmodifiableMap(fields);
  }
}
