package io.tessera.descriptors.standards;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out unique port names within one list of ports, deterministically.
 *
 * <p>The first port keeps its name. A later port with the same name gets {@code -v<version>}
 * ({@code rawtransactions-v2-0-0}) when it has a version, and a counter ({@code -2}, {@code -3},
 * ...) when it has none or the versioned name is taken too. Names stay within {@value
 * Slugs#MAX_LENGTH} characters.
 */
final class PortNames {

  private static final int MAX_VERSION_LENGTH = 20;

  private final Set<String> taken = new HashSet<>();

  /**
   * Claims a unique name for a port.
   *
   * @param base the port's slug
   * @param version the port's version, or null
   * @return {@code base}, or {@code base} with a version or counter suffix
   */
  String claim(String base, String version) {
    String candidate = base;
    if (taken.contains(candidate) && version != null) {
      String unprefixed = version.strip().replaceFirst("^[vV](?=\\d)", "");
      var versionSlug = Slugs.slug(unprefixed).map(v -> Slugs.truncate(v, MAX_VERSION_LENGTH));
      if (versionSlug.isPresent()) {
        candidate = withSuffix(base, "-v" + versionSlug.get());
      }
    }
    String unique = candidate;
    for (int counter = 2; taken.contains(unique); counter++) {
      unique = withSuffix(candidate, "-" + counter);
    }
    taken.add(unique);
    return unique;
  }

  private static String withSuffix(String base, String suffix) {
    return Slugs.truncate(base, Slugs.MAX_LENGTH - suffix.length()) + suffix;
  }
}
