package io.tessera.graphstore;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which named graphs a caller may see. Every read path that filters by policy (search, facets,
 * suggestions; later GraphQL, lineage and SPARQL) takes one. Until policies exist the scope is
 * {@link #everything()}.
 *
 * <p>Graphs are matched hierarchically: a listed graph also covers every graph whose IRI continues
 * it after a {@code /}. Listing {@code {base}/graph/product/sales/orders} therefore covers the
 * product's observed graph {@code .../orders/observed}, and listing {@code
 * {base}/graph/product/sales} covers every product graph of the sales domain; it does not cover
 * {@code .../orders-v2}.
 *
 * @param mode how {@code graphs} is read
 * @param graphs the graphs listed (empty for {@link Mode#EVERYTHING})
 */
public record VisibilityScope(Mode mode, Set<String> graphs) {

  /** How the listed graphs are read. */
  public enum Mode {
    /** Every graph is visible; {@code graphs} is empty. */
    EVERYTHING,
    /** Only the listed graphs (and the graphs they cover) are visible. */
    ONLY,
    /** Every graph except the listed ones (and the graphs they cover) is visible. */
    EXCEPT
  }

  private static final VisibilityScope EVERYTHING = new VisibilityScope(Mode.EVERYTHING, Set.of());

  public VisibilityScope {
    Objects.requireNonNull(mode, "mode");
    graphs = Set.copyOf(graphs);
    if (mode == Mode.EVERYTHING && !graphs.isEmpty()) {
      throw new IllegalArgumentException("the everything scope lists no graphs");
    }
  }

  /** No restriction: what the server uses until policies exist. */
  public static VisibilityScope everything() {
    return EVERYTHING;
  }

  /** Only these graphs and the graphs they cover. */
  public static VisibilityScope onlyGraphs(Set<String> graphs) {
    return new VisibilityScope(Mode.ONLY, graphs);
  }

  /** Every graph except these and the graphs they cover. */
  public static VisibilityScope allGraphsExcept(Set<String> graphs) {
    return graphs.isEmpty() ? EVERYTHING : new VisibilityScope(Mode.EXCEPT, graphs);
  }

  /** Whether nothing is hidden. */
  public boolean isEverything() {
    return mode == Mode.EVERYTHING;
  }

  /** Whether the caller may see what the named graph holds. */
  public boolean allows(String graphIri) {
    return switch (mode) {
      case EVERYTHING -> true;
      case ONLY -> covered(graphIri);
      case EXCEPT -> !covered(graphIri);
    };
  }

  /** Whether the caller may see every one of the graphs (true for none). */
  public boolean allowsAll(Collection<String> graphIris) {
    return graphIris.stream().allMatch(this::allows);
  }

  /** Whether the caller may see at least one of the graphs (false for none). */
  public boolean allowsAny(Collection<String> graphIris) {
    return graphIris.stream().anyMatch(this::allows);
  }

  private boolean covered(String graphIri) {
    if (graphs.contains(graphIri)) {
      return true;
    }
    for (int slash = graphIri.lastIndexOf('/');
        slash > 0;
        slash = graphIri.lastIndexOf('/', slash - 1)) {
      if (graphs.contains(graphIri.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }
}
