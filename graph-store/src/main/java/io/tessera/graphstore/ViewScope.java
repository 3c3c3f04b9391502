package io.tessera.graphstore;

import java.util.List;

/**
 * The named graphs a query view or an export holds: those that every one of the scopes allows (a
 * caller's discover scope and read scope, say). With no scope, or only unrestricted ones, the view
 * is the whole store.
 *
 * @param scopes the scopes that must all allow a graph
 */
public record ViewScope(List<VisibilityScope> scopes) {
  private static final ViewScope EVERYTHING = new ViewScope(List.of());

  public ViewScope {
    scopes = scopes.stream().filter(s -> !s.isEverything()).toList();
  }

  /** The whole store. */
  public static ViewScope everything() {
    return EVERYTHING;
  }

  /** The graphs all of these scopes allow. */
  public static ViewScope of(VisibilityScope... scopes) {
    return new ViewScope(List.of(scopes));
  }

  /** Whether nothing is hidden. */
  public boolean isEverything() {
    return scopes.isEmpty();
  }

  /** Whether the view holds the named graph. */
  public boolean allows(String graphIri) {
    for (VisibilityScope scope : scopes) {
      if (!scope.allows(graphIri)) {
        return false;
      }
    }
    return true;
  }
}
