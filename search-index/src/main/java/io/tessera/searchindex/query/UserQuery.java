package io.tessera.searchindex.query;

import io.tessera.searchindex.document.Keys;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user typed, read without any query syntax: words, {@code "quoted phrases"} and words with
 * a trailing {@code *} (prefixes). Every other character is text; Lucene operators, field names and
 * brackets mean nothing here. Input is cleaned (NFKC, control characters removed) and cut at {@link
 * #MAX_LENGTH} characters and {@link #MAX_PARTS} parts.
 *
 * @param exactKey the whole input normalised as a name (for exact-name matches); empty if blank
 * @param parts the words and phrases, in order
 * @param openEnded whether the input does not end with a space or quote, so that the last word may
 *     still be being typed
 */
public record UserQuery(String exactKey, List<Part> parts, boolean openEnded) {
  /** Characters of input considered. */
  public static final int MAX_LENGTH = 512;

  /** Words and phrases considered. */
  public static final int MAX_PARTS = 32;

  private static final String WRAPPERS = "()[]{}<>'`,;";

  public UserQuery {
    parts = List.copyOf(parts);
  }

  /** A word or a phrase. */
  public sealed interface Part permits Word, Phrase {
    String text();
  }

  /** A word (which analysis may split further: {@code order_id} is two words). */
  public record Word(String text, boolean prefix) implements Part {}

  /** Words that must appear together, in order. */
  public record Phrase(String text) implements Part {}

  /** Whether there is nothing to search for (list everything). */
  public boolean isBlank() {
    return parts.isEmpty();
  }

  /** Reads user input; never fails. */
  public static UserQuery parse(String input) {
    String text = Keys.truncate(Keys.clean(input == null ? "" : input), MAX_LENGTH);
    List<Part> parts = new ArrayList<>();
    StringBuilder plain = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n && parts.size() < MAX_PARTS) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int close = text.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        String phrase = text.substring(i + 1, end).strip();
        if (!phrase.isEmpty()) {
          parts.add(new Phrase(phrase));
          plain.append(phrase).append(' ');
        }
        i = end + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
          end++;
        }
        String word = text.substring(i, end);
        boolean prefix = false;
        while (word.endsWith("*")) {
          word = word.substring(0, word.length() - 1);
          prefix = true;
        }
        if (!word.isEmpty()) {
          parts.add(new Word(word, prefix));
          plain.append(word).append(' ');
        }
        i = end;
      }
    }
    boolean openEnded =
        !parts.isEmpty()
            && parts.getLast() instanceof Word
            && !text.isEmpty()
            && !Character.isWhitespace(text.charAt(text.length() - 1));
    return new UserQuery(unwrap(Keys.normalize(plain.toString())), parts, openEnded);
  }

  /**
   * The key without brackets, quotes and backticks around it: {@code (orders)} is {@code orders}.
   */
  private static String unwrap(String key) {
    int start = 0;
    int end = key.length();
    while (start < end && WRAPPERS.indexOf(key.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && WRAPPERS.indexOf(key.charAt(end - 1)) >= 0) {
      end--;
    }
    return key.substring(start, end).strip();
  }
}
