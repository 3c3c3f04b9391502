package io.tessera.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reads a run makes, chosen from the mesh by the seed, so that Tessera and its floors answer
 * exactly the same questions: lineage start datasets (chain ends, hubs, others), products, search
 * words and suggest prefixes.
 */
final class QueryPlan {
  private static final List<String> SEARCHES =
      List.of(
          "orders",
          "customer",
          "invoices",
          "payments sales",
          "shipments",
          "customer_id",
          "stock levels",
          "ledger",
          "refunds",
          "campaigns marketing",
          "invoces",
          "email");
  private static final List<String> PREFIXES =
      List.of("ord", "cus", "inv", "pay", "sal", "shi", "ret", "led", "cam", "fin");

  /** Where lineage walks start: the ends of long chains, the hubs, and any dataset. */
  enum Start {
    CHAIN_ENDS("chain ends"),
    HUBS("hubs"),
    RANDOM("random datasets");

    final String label;

    Start(String label) {
      this.label = label;
    }

    String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  final List<Topology.Dataset> lineageStarts = new ArrayList<>();
  final java.util.Map<Start, List<Topology.Dataset>> startsByKind =
      new java.util.EnumMap<>(Start.class);
  final List<String[]> products = new ArrayList<>();
  final List<String> searches;
  final List<String> prefixes;
  final int iterations;
  final double minSeriesSeconds;

  /** A read that takes longer is counted as {@code HttpTimeoutException}, not waited for. */
  final java.time.Duration requestTimeout;

  /**
   * @param iterations measured requests per series (after a fifth as many for warm-up)
   * @param smoke whether series may stop after 3 s instead of 10 once the budget is spent, and a
   *     read times out after 5 s instead of 30 (the smoke run proves the paths, not the figures)
   */
  QueryPlan(Topology topology, int iterations, boolean smoke) {
    this.iterations = iterations;
    this.minSeriesSeconds = smoke ? 3 : 10;
    this.requestTimeout = java.time.Duration.ofSeconds(smoke ? 5 : 30);
    SplittableRandom r = topology.random(5, 0);
    int starts = Math.min(iterations, 60);
    for (int k = 0; k < starts; k++) {
      int index =
          switch (k % 3) {
            case 0 -> topology.chainEnd(r.nextInt(1 << 20));
            case 1 -> r.nextInt(topology.hubs());
            default -> r.nextInt(topology.datasets());
          };
      lineageStarts.add(topology.dataset(index));
      startsByKind
          .computeIfAbsent(Start.values()[k % 3], x -> new ArrayList<>())
          .add(topology.dataset(index));
    }
    for (int k = 0; k < Math.min(iterations, 60); k++) {
      int p = r.nextInt(topology.products());
      products.add(
          new String[] {topology.domainName(topology.productDomain(p)), topology.productName(p)});
    }
    searches = SEARCHES;
    prefixes = PREFIXES;
  }

  /** The {@code i}-th item of a list, cycling. */
  static <T> T cycle(List<T> items, int i) {
    return items.get(i % items.size());
  }

  int warmup() {
    return Math.max(3, iterations / 5);
  }
}
