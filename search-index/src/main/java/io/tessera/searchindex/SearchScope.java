package io.tessera.searchindex;

import io.tessera.graphstore.VisibilityScope;
import java.util.Objects;

/**
 * What a search may show: which entities the caller may know exist ({@code discover}), and of which
 * it may see the details ({@code read}): ports, columns, and the column and port words of products
 * and datasets. A document must pass {@code discover}; a port or column must also pass {@code
 * read}; a product or dataset the caller may discover but not read matches only on what it shows
 * without its details (title, name, description, tags, classifications), never on its columns or
 * ports.
 *
 * @param discover the graphs whose entities the caller may know exist
 * @param read the graphs whose details the caller may see
 */
public record SearchScope(VisibilityScope discover, VisibilityScope read) {
  private static final SearchScope EVERYTHING =
      new SearchScope(VisibilityScope.everything(), VisibilityScope.everything());

  public SearchScope {
    Objects.requireNonNull(discover, "discover");
    Objects.requireNonNull(read, "read");
  }

  /** A scope that hides nothing. */
  public static SearchScope everything() {
    return EVERYTHING;
  }

  /** The same scope for existence and details: whatever may be discovered may be read. */
  public static SearchScope of(VisibilityScope both) {
    return new SearchScope(both, both);
  }

  /** Whether nothing is hidden, neither entities nor details. */
  public boolean isEverything() {
    return discover.isEverything() && read.isEverything();
  }
}
