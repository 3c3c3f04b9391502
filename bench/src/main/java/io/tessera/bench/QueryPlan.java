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

  final List<Topology.Dataset> lineageStarts = new ArrayList<>();
  final List<String[]> products = new ArrayList<>();
  final List<String> searches;
  final List<String> prefixes;
  final int iterations;

  QueryPlan(Topology topology, int iterations) {
    this.iterations = iterations;
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
