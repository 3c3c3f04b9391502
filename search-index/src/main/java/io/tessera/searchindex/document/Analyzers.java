package io.tessera.searchindex.document;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the index. Names in a catalog are written {@code sales.public.orders},
 * {@code order_id}, {@code customerId} or {@code checkout-events}: every chain splits them into
 * words at punctuation, case changes and digits before lower-casing and folding accents.
 *
 * <ul>
 *   <li>{@link #text()}: English analysis (stop words, Porter stemming) for titles, names,
 *       descriptions, columns and keywords;
 *   <li>{@link #words()}: the same words without stemming, for fuzzy and prefix matching;
 *   <li>{@link #suggestIndex()}: edge n-grams of those words, so that a typed prefix is one term;
 *   <li>{@link #suggestStartIndex()}: edge n-grams of a whole normalised name.
 * </ul>
 */
public final class Analyzers {
  /** Longest word prefix the typeahead index keeps; longer typed words are cut to this. */
  public static final int MAX_SUGGEST_GRAM = 20;

  /** Longest whole-name prefix the typeahead index keeps. */
  public static final int MAX_SUGGEST_START_GRAM = 40;

  private static final int SPLIT =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS
          | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
          | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
          | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
          | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

  private final Analyzer text = chain(true, false);
  private final Analyzer words = chain(false, false);
  private final Analyzer suggest = chain(false, true);
  private final Analyzer suggestQuery = chain(false, false, false);
  private final Analyzer suggestStart =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new KeywordTokenizer();
          return new TokenStreamComponents(
              source, new EdgeNGramTokenFilter(source, 1, MAX_SUGGEST_START_GRAM, false));
        }
      };
  private final Analyzer perField =
      new PerFieldAnalyzerWrapper(
          text,
          Map.of(
              IndexFields.WORDS,
              words,
              IndexFields.SUGGEST,
              suggest,
              IndexFields.SUGGEST_START,
              suggestStart));

  /** English analysis. */
  public Analyzer text() {
    return text;
  }

  /** Words without stemming. */
  public Analyzer words() {
    return words;
  }

  /** Words without stemming and without stop-word removal: what a typeahead prefix is cut into. */
  public Analyzer suggestQuery() {
    return suggestQuery;
  }

  /** What the index writer uses: each field's chain. */
  public Analyzer perField() {
    return perField;
  }

  private static Analyzer chain(boolean stem, boolean edgeGrams) {
    return chain(stem, edgeGrams, !edgeGrams);
  }

  private static Analyzer chain(boolean stem, boolean edgeGrams, boolean stopWords) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new WordDelimiterGraphFilter(source, SPLIT, null);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        if (stopWords) {
          stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        }
        if (edgeGrams) {
          stream = new EdgeNGramTokenFilter(stream, 1, MAX_SUGGEST_GRAM, true);
        }
        if (stem) {
          stream = new PorterStemFilter(stream);
        }
        return new TokenStreamComponents(source, stream);
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return 100; // no phrase across two values of a multi-valued field
      }
    };
  }
}
