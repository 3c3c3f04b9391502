package io.tessera.searchindex.engine;

import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted snippets for a page of hits: the best passages of the description with the matched
 * words in {@code <mark>}; when the description has no match but column names do, the matching
 * columns; otherwise the description's first sentence. The text is HTML-escaped.
 */
final class Snippets {
  private static final String MARK = "<mark>";
  private static final PassageFormatter FORMATTER =
      new DefaultPassageFormatter(MARK, "</mark>", " … ", true);
  private static final int MAX_LENGTH = 20_000;

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** One snippet per hit, in the page's order (null where there is nothing to show). */
  String[] of(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
    String[] snippets = new String[page.length];
    if (page.length == 0) {
      return snippets;
    }
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    String[] descriptions =
        highlighter(searcher)
            .withMaxLength(MAX_LENGTH)
            .withMaxNoHighlightPassages(1)
            .build()
            .highlight(IndexFields.DESCRIPTION, query, docs, 2);
    String[] columns =
        highlighter(searcher)
            .withMaxLength(MAX_LENGTH)
            .withMaxNoHighlightPassages(0)
            .withBreakIterator(() -> new CustomSeparatorBreakIterator(','))
            .build()
            .highlight(IndexFields.COLUMNS, query, docs, 4);
    for (int i = 0; i < page.length; i++) {
      String description = descriptions[i];
      String column = columns[i] == null ? null : tidy(columns[i]);
      if (marked(description) || !marked(column)) {
        snippets[i] = description == null ? null : description.strip();
      } else {
        snippets[i] = "Columns: " + column;
      }
    }
    return snippets;
  }

  /**
   * A highlighter that marks the query's terms (fuzzy words arrive already expanded, prefixes as
   * automata) in each hit's indexed offsets. It does not evaluate the query's structure per hit
   * (weight matches, strict phrases): that doubled the cost of a search.
   */
  private UnifiedHighlighter.Builder highlighter(IndexSearcher searcher) {
    return UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(FORMATTER)
        .withWeightMatches(false)
        .withHighlightPhrasesStrictly(false)
        .withHandleMultiTermQuery(true);
  }

  /** Column passages end with their separator: drop it. */
  private static String tidy(String passages) {
    return passages.replaceAll(",\\s*(?= … |$)", "").strip();
  }

  private static boolean marked(String snippet) {
    return snippet != null && snippet.contains(MARK);
  }
}
