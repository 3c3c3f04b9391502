package io.tessera.governance;

import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import java.util.Objects;

/**
 * What one caller may see, computed once per request and passed to every read path.
 *
 * <p>Both scopes are over named graphs (see {@link VisibilityScope}): a product the caller may not
 * discover has its product graphs, and the lineage graphs of the datasets it owns, outside {@code
 * discover}; a product the caller may discover but not read is inside {@code discover} and outside
 * {@code read} (its ports' connection details, schemas and lineage are withheld).
 *
 * @param principal who is asking
 * @param discover the graphs whose entities the caller may know exist
 * @param read the graphs whose details (connections, schemas, lineage) the caller may see
 */
public record AccessScope(Principal principal, VisibilityScope discover, VisibilityScope read) {

  public AccessScope {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(discover, "discover");
    Objects.requireNonNull(read, "read");
  }

  /** A scope that hides nothing (an admin's). */
  public static AccessScope unrestricted(Principal principal) {
    return new AccessScope(principal, VisibilityScope.everything(), VisibilityScope.everything());
  }

  /** The two scopes every read path takes. */
  public ReadScope readScope() {
    return new ReadScope(discover, read);
  }

  /** Whether the caller may know that what this graph holds exists. */
  public boolean mayDiscover(String graphIri) {
    return discover.allows(graphIri);
  }

  /** Whether the caller may see the details of what this graph holds. */
  public boolean mayRead(String graphIri) {
    return discover.allows(graphIri) && read.allows(graphIri);
  }
}
