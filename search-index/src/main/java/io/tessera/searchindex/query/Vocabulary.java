package io.tessera.searchindex.query;

import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Which words an index snapshot knows. A known word needs no typo tolerance; fuzzy matching (which
 * builds a Levenshtein automaton per word) is only spent on words that occur nowhere in the index.
 */
@FunctionalInterface
public interface Vocabulary {
  /** Knows nothing: every word gets typo tolerance. */
  Vocabulary NONE = (word, stem) -> false;

  /**
   * @param word the word as typed (lower-cased, not stemmed)
   * @param stem its English stem
   */
  boolean knows(String word, String stem);

  /**
   * The words of one snapshot: a word is known if it is a title or name word, or its stem occurs in
   * any text field.
   */
  static Vocabulary of(IndexReader reader) {
    List<String> stemmed =
        List.of(
            IndexFields.TITLE,
            IndexFields.NAME,
            IndexFields.KEYWORDS,
            IndexFields.DESCRIPTION,
            IndexFields.COLUMNS);
    return (word, stem) -> {
      try {
        if (reader.docFreq(new Term(IndexFields.WORDS, word)) > 0) {
          return true;
        }
        for (String field : stemmed) {
          if (reader.docFreq(new Term(field, stem)) > 0) {
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
