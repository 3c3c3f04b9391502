package io.tessera.graphstore;

import java.util.Objects;

/**
 * What a caller may see, as every read path takes it (search, SPARQL views, exports, lineage,
 * GraphQL, REST): which entities it may know exist ({@code discover}) and of which it may see the
 * details ({@code read}): ports' connection details, schemas, columns and lineage. Both are sets of
 * named graphs (see {@link VisibilityScope}). A SPARQL query or an export holds the graphs the
 * caller may read ({@link #mayRead}).
 *
 * @param discover the graphs whose entities the caller may know exist
 * @param read the graphs whose details the caller may see
 */
public record ReadScope(VisibilityScope discover, VisibilityScope read) {
  private static final ReadScope EVERYTHING =
      new ReadScope(VisibilityScope.everything(), VisibilityScope.everything());

  public ReadScope {
    Objects.requireNonNull(discover, "discover");
    Objects.requireNonNull(read, "read");
  }

  /** A scope that hides nothing. */
  public static ReadScope everything() {
    return EVERYTHING;
  }

  /** The same scope for existence and details: whatever may be discovered may be read. */
  public static ReadScope of(VisibilityScope both) {
    return new ReadScope(both, both);
  }

  /** Whether nothing is hidden, neither entities nor details. */
  public boolean isEverything() {
    return discover.isEverything() && read.isEverything();
  }

  /** Whether the caller may know that what this graph holds exists. */
  public boolean mayDiscover(String graphIri) {
    return discover.allows(graphIri);
  }

  /** Whether the caller may see the details of what this graph holds (and so query it). */
  public boolean mayRead(String graphIri) {
    return discover.allows(graphIri) && read.allows(graphIri);
  }

  /** This scope with its details further limited to what {@code also} allows. */
  public ReadScope readingOnly(VisibilityScope also) {
    return new ReadScope(discover, read.and(also));
  }
}
