package io.tessera.searchindex.query;

import io.tessera.searchindex.document.Analyzers;
import io.tessera.searchindex.document.IndexFields;
import io.tessera.searchindex.document.Keys;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * The typeahead query: every typed word must be the start of a word of the entity's title, name or
 * qualified name (one edge n-gram term each, so it costs a term lookup per word); entities whose
 * whole name starts with what was typed come first, then by type prior.
 */
public final class SuggestQuery {
  private static final int MAX_WORDS = 8;
  private static final float STARTS_WITH = 10f;

  private final Analyzers analyzers;

  public SuggestQuery(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** The query, or null when the prefix has no word in it. */
  public Query build(String prefix) {
    String text = Keys.truncate(Keys.clean(prefix == null ? "" : prefix), UserQuery.MAX_LENGTH);
    List<Tokens.Token> words = Tokens.analyze(analyzers.suggestQuery(), IndexFields.SUGGEST, text);
    if (words.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Tokens.Token word : words.subList(0, Math.min(words.size(), MAX_WORDS))) {
      String gram = Keys.truncate(word.term(), Analyzers.MAX_SUGGEST_GRAM);
      all.add(RankingQuery.constant(IndexFields.SUGGEST, gram, 1f), Occur.MUST);
    }
    String start = Keys.truncate(Keys.normalize(text), Analyzers.MAX_SUGGEST_START_GRAM);
    all.add(RankingQuery.constant(IndexFields.SUGGEST_START, start, STARTS_WITH), Occur.SHOULD);
    return RankingQuery.withPrior(all.build());
  }
}
