package io.tessera.descriptors.standards;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns free text such as {@code "Customer Data Product"} into the lowercase slugs our names use
 * ({@code customer-data-product}, {@code ^[a-z0-9][a-z0-9-]{0,62}$}).
 */
final class Slugs {

  /** The longest slug our descriptors accept. */
  static final int MAX_LENGTH = 63;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

  private Slugs() {}

  /**
   * Returns the slug of {@code text}: accents dropped, lowercased, every run of other characters
   * replaced by one dash, cut to {@value #MAX_LENGTH} characters; empty when nothing is left.
   */
  static Optional<String> slug(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String unaccented =
        MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    String dashed = NOT_SLUG.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll("-");
    return Optional.of(truncate(dashed, MAX_LENGTH)).filter(slug -> !slug.isEmpty());
  }

  /** Returns the slug of the first candidate that has one. */
  static Optional<String> firstSlug(String... candidates) {
    for (String candidate : candidates) {
      Optional<String> slug = slug(candidate);
      if (slug.isPresent()) {
        return slug;
      }
    }
    return Optional.empty();
  }

  /** Cuts a slug to at most {@code maxLength} characters without leaving edge dashes. */
  static String truncate(String slug, int maxLength) {
    String trimmed = EDGE_DASHES.matcher(slug).replaceAll("");
    if (trimmed.length() <= maxLength) {
      return trimmed;
    }
    return EDGE_DASHES.matcher(trimmed.substring(0, Math.max(maxLength, 0))).replaceAll("");
  }
}
