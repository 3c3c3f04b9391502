package io.tessera.searchindex.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises names for exact matching: Unicode NFKC, control characters removed, lower case,
 * dashes, underscores and whitespace folded into one space, at most {@link #MAX_LENGTH} characters.
 * The index and the query side use the same function, so {@code Sales.Public.Orders } matches
 * {@code sales.public.orders}, and {@code fx rates} matches {@code fx-rates}. Dots and slashes
 * stay: they separate the parts of qualified names.
 */
public final class Keys {
  /** Longest key kept; longer input is cut (exact matching of such input is not useful). */
  public static final int MAX_LENGTH = 256;

  private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-]+");

  private Keys() {}

  /** The exact-match key of a name; empty for null or blank input. */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String key = SEPARATORS.matcher(clean(name).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    return truncate(key, MAX_LENGTH);
  }

  /** The text in NFKC with control characters (including NUL) replaced by spaces. */
  public static String clean(String text) {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(normalized.length());
    normalized
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                out.append(' ');
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }

  /** At most max characters, never splitting a surrogate pair. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
