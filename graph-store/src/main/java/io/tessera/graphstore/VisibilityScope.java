package io.tessera.graphstore;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which named graphs a caller may see. A caller's {@link ReadScope} holds two: the graphs whose
 * entities it may discover and those whose details it may read; the policy evaluator (governance)
 * computes them, and every read path (search, facets, suggestions, GraphQL, REST, lineage, SPARQL
 * and exports) filters by them. Without restricting policies a scope is {@link #everything()}.
 *
 * <p>Graphs are matched hierarchically: a listed graph also covers every graph whose IRI continues
 * it after a {@code /}. Listing {@code {base}/graph/product/sales/orders} therefore covers the
 * product's observed graph {@code .../orders/observed}, and listing {@code
 * {base}/graph/product/sales} covers every product graph of the sales domain; it does not cover
 * {@code .../orders-v2}.
 *
 * <p>A scope can list a hundred thousand graphs and is asked about every hit of a search and every
 * key of a listing, so it keeps the lengths of the listed IRIs (only prefixes of those lengths can
 * match) and computes its hash once; it is immutable and compares by mode and graphs.
 */
public final class VisibilityScope {

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

  private final Mode mode;
  private final Set<String> graphs;
  private final BitSet lengths = new BitSet();
  private final int hash;
  private final Map<String, Listed> under = new ConcurrentHashMap<>();

  /**
   * @param mode how {@code graphs} is read
   * @param graphs the graphs listed (empty for {@link Mode#EVERYTHING})
   */
  public VisibilityScope(Mode mode, Set<String> graphs) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.graphs = Set.copyOf(graphs);
    if (mode == Mode.EVERYTHING && !this.graphs.isEmpty()) {
      throw new IllegalArgumentException("the everything scope lists no graphs");
    }
    this.graphs.forEach(g -> lengths.set(g.length()));
    this.hash = 31 * mode.hashCode() + this.graphs.hashCode();
  }

  /** How {@link #graphs()} is read. */
  public Mode mode() {
    return mode;
  }

  /** The graphs listed (empty for {@link Mode#EVERYTHING}). */
  public Set<String> graphs() {
    return graphs;
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

  /**
   * The graphs both this scope and {@code other} allow. Exact for the scopes policies produce:
   * everything, nothing ({@code onlyGraphs} of no graph) and {@code allGraphsExcept} (whose union
   * hides what either hides, the graphs they cover included).
   *
   * @throws IllegalArgumentException for two scopes whose intersection is no single scope (a
   *     non-empty {@code onlyGraphs} with anything but everything or nothing)
   */
  public VisibilityScope and(VisibilityScope other) {
    if (other.isEverything() || this.equals(other)) {
      return this;
    }
    if (isEverything()) {
      return other;
    }
    if (isNothing()) {
      return this;
    }
    if (other.isNothing()) {
      return other;
    }
    if (mode == Mode.EXCEPT && other.mode == Mode.EXCEPT) {
      Set<String> hidden = new java.util.HashSet<>(graphs);
      hidden.addAll(other.graphs);
      return allGraphsExcept(hidden);
    }
    throw new IllegalArgumentException("no single scope is both " + this + " and " + other);
  }

  private boolean isNothing() {
    return mode == Mode.ONLY && graphs.isEmpty();
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

  /**
   * Whether the caller may see the graph {@code prefix + key}, as {@link #allows(String)} answers:
   * for walks over many keys under one prefix (a product listing). The scope's graphs under the
   * prefix are gathered once per prefix, and a key is then looked up without building its graph's
   * IRI.
   *
   * @param prefix what the graphs' IRIs start with, ending with {@code /}
   * @param key the rest of the IRI
   */
  public boolean allows(String prefix, String key) {
    if (mode == Mode.EVERYTHING) {
      return true;
    }
    Listed listed = under.computeIfAbsent(prefix, this::listedUnder);
    boolean covered = listed.prefixCovered() || listed.covers(key);
    return mode == Mode.ONLY ? covered : !covered;
  }

  /**
   * The listed graphs under a prefix, by the rest of their IRI, and the length of the shortest of
   * them: an ancestor of a key shorter than that cannot be listed, so most keys cost one lookup.
   */
  private record Listed(boolean prefixCovered, Set<String> keys, int shortest) {
    boolean covers(String key) {
      if (keys.isEmpty()) {
        return false;
      }
      if (keys.contains(key)) {
        return true;
      }
      for (int slash = key.lastIndexOf('/');
          slash >= shortest;
          slash = key.lastIndexOf('/', slash - 1)) {
        if (keys.contains(key.substring(0, slash))) {
          return true;
        }
      }
      return false;
    }
  }

  private Listed listedUnder(String prefix) {
    if (!prefix.endsWith("/")) {
      throw new IllegalArgumentException("a prefix ends with /: " + prefix);
    }
    Set<String> keys = new HashSet<>();
    for (String graph : graphs) {
      if (graph.startsWith(prefix) && graph.length() > prefix.length()) {
        keys.add(graph.substring(prefix.length()));
      }
    }
    int shortest = keys.stream().mapToInt(String::length).min().orElse(Integer.MAX_VALUE);
    return new Listed(
        covered(prefix.substring(0, prefix.length() - 1)), keys, Math.max(1, shortest));
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
    if (lengths.get(graphIri.length()) && graphs.contains(graphIri)) {
      return true;
    }
    for (int slash = graphIri.lastIndexOf('/');
        slash > 0;
        slash = graphIri.lastIndexOf('/', slash - 1)) {
      if (lengths.get(slash) && graphs.contains(graphIri.substring(0, slash))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o == this
        || (o instanceof VisibilityScope other
            && other.hash == hash
            && other.mode == mode
            && other.graphs.equals(graphs));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "VisibilityScope[mode=" + mode + ", " + graphs.size() + " graphs]";
  }
}
