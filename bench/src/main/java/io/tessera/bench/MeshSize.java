package io.tessera.bench;

/**
 * The sizes of synthetic mesh the generator produces: lineage datasets, domains, and the length of
 * the longest lineage chains.
 *
 * @param datasets datasets that appear in the OpenLineage stream
 * @param domains domains the products are spread over
 * @param chain jobs per chain (the longest upstream path, in jobs)
 */
public record MeshSize(String label, int datasets, int domains, int chain) {
  /** About a thousand datasets: the smoke test's size, loads in seconds. */
  public static final MeshSize S = new MeshSize("S", 1_000, 8, 40);

  /** About a hundred thousand datasets. */
  public static final MeshSize M = new MeshSize("M", 100_000, 40, 100);

  /** About a million datasets. */
  public static final MeshSize L = new MeshSize("L", 1_000_000, 200, 100);

  public MeshSize {
    if (datasets < 100 || domains < 1 || chain < 2) {
      throw new IllegalArgumentException("mesh too small: " + datasets + " datasets");
    }
  }

  /** S, M or L (case-insensitive). */
  public static MeshSize of(String label) {
    return switch (label.toUpperCase(java.util.Locale.ROOT)) {
      case "S" -> S;
      case "M" -> M;
      case "L" -> L;
      default -> throw new IllegalArgumentException("size must be S, M or L: " + label);
    };
  }
}
