package io.tessera.searchindex.document;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The platform a dataset lives on, from its OpenLineage namespace: the URI scheme ({@code
 * postgres://db:5432} is {@code postgres}, {@code kafka://broker:9092} is {@code kafka}) or a bare
 * platform namespace ({@code bigquery}). A few aliases are folded: {@code postgresql} to {@code
 * postgres}, {@code s3a}/{@code s3n} to {@code s3}, {@code gs} to {@code gcs}, {@code https} to
 * {@code http}.
 */
public final class Platforms {
  private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,31}");
  private static final Map<String, String> ALIASES =
      Map.of("postgresql", "postgres", "s3a", "s3", "s3n", "s3", "gs", "gcs", "https", "http");

  private Platforms() {}

  /** The platform of a namespace, or null if it names none. */
  public static String of(String namespace) {
    if (namespace == null) {
      return null;
    }
    String ns = namespace.strip().toLowerCase(Locale.ROOT);
    int separator = ns.indexOf("://");
    String scheme = separator >= 0 ? ns.substring(0, separator) : ns;
    if (!SCHEME.matcher(scheme).matches()) {
      return null;
    }
    return ALIASES.getOrDefault(scheme, scheme);
  }
}
