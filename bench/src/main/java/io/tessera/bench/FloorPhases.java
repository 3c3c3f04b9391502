package io.tessera.bench;

import io.tessera.ontology.IriMinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The floors that need the server's data at rest, measured after it stopped: the search-index
 * library in process on its TDB2 database and index (the same search and suggest work as the
 * server, plus the HTTP no-op's round trip), bare Lucene term queries as a second search floor, raw
 * Jena on its TDB2 database for the same lineage walks and product reads, and the bare JVM launch
 * for start-up.
 */
final class FloorPhases {
  /** A step of a floor series: one operation, returning something so that it cannot be elided. */
  @FunctionalInterface
  interface Op {
    long apply(int i) throws Exception;
  }

  private final Path dataDir;
  private final QueryPlan plan;
  private final BenchOptions options;
  private final PrintStream progress;

  FloorPhases(Path dataDir, QueryPlan plan, BenchOptions options, PrintStream progress) {
    this.dataDir = dataDir;
    this.plan = plan;
    this.options = options;
    this.progress = progress;
  }

  void run(Report report, Measurements m, Deadline budget)
      throws IOException, InterruptedException {
    progress.println("floors: the search-index library in process on " + dataDir);
    Series http = m.floor.get("health");
    try (SearchLibraryFloor library = new SearchLibraryFloor(dataDir)) {
      if (library.staleAtOpen()) {
        progress.println(
            "  the index is behind the graph (the server stopped before it caught up): rebuilding");
        boolean done = library.awaitCaughtUp(java.time.Duration.ofMinutes(15));
        report.note(
            "the search floor found the index behind the graph at open and rebuilt it before"
                + " measuring"
                + (done ? "" : " (the rebuild did not finish within 15 minutes)"));
      }
      Series search =
          series(
              "search (library floor)",
              i -> library.search(QueryPlan.cycle(plan.searches, i)),
              budget);
      Series suggest =
          series(
              "suggest (library floor)",
              i -> library.suggest(QueryPlan.cycle(plan.prefixes, i)),
              budget);
      for (String key : List.of("search", "search-consumer")) {
        putSum(report, m, key, search, http);
      }
      for (String key : List.of("suggest", "suggest-consumer")) {
        putSum(report, m, key, suggest, http);
      }
      m.floor.put("search-library", search);
      m.floor.put("suggest-library", suggest);
    }
    progress.println("floors: bare Lucene term queries on " + dataDir.resolve("index"));
    try (LuceneFloor lucene = new LuceneFloor(dataDir.resolve("index"))) {
      put(
          report,
          m,
          "search-bare",
          series(
              "search (bare Lucene floor)",
              i -> lucene.search(QueryPlan.cycle(plan.searches, i)),
              budget));
      m.tessera.put("search-bare", m.tessera.get("search"));
      put(
          report,
          m,
          "suggest-bare",
          series(
              "suggest (bare Lucene floor)",
              i -> lucene.suggest(QueryPlan.cycle(plan.prefixes, i)),
              budget));
      m.tessera.put("suggest-bare", m.tessera.get("suggest"));
      report.loaded("luceneDocuments", lucene.documents());
    }
    progress.println("floors: raw Jena on " + dataDir.resolve("graph"));
    try (JenaFloor jena =
        new JenaFloor(dataDir.resolve("graph"), new IriMinter(Harness.BASE_IRI))) {
      long missing =
          plan.lineageStarts.stream()
              .filter(d -> !jena.hasDataset(d.namespace(), d.name()))
              .count();
      if (missing > 0) {
        report.note(missing + " lineage start datasets are not in the graph");
      }
      put(
          report,
          m,
          "lineage-1",
          series(
              "lineage 1 (Jena floor)",
              i -> {
                Topology.Dataset ds = QueryPlan.cycle(plan.lineageStarts, i);
                return jena.lineage(ds.namespace(), ds.name(), 1, "upstream");
              },
              budget));
      for (int depth : QueryPhases.DEEP) {
        for (String direction : QueryPhases.DIRECTIONS) {
          for (QueryPlan.Start start : QueryPlan.Start.values()) {
            int d = depth;
            List<Topology.Dataset> starts = plan.startsByKind.get(start);
            put(
                report,
                m,
                QueryPhases.lineageKey(direction, depth, start),
                series(
                    "lineage " + direction + " " + depth + " " + start.key() + " (Jena floor)",
                    i -> {
                      Topology.Dataset ds = QueryPlan.cycle(starts, i);
                      return jena.lineage(ds.namespace(), ds.name(), d, direction);
                    },
                    budget));
          }
        }
      }
      Series product =
          series(
              "product (Jena ARQ floor)",
              i -> {
                String[] p = QueryPlan.cycle(plan.products, i);
                return jena.product(p[0], p[1]);
              },
              budget);
      put(report, m, "product", product);
      m.floor.put("graphql", product);
    }
    m.values.put("startup-floor", jvmLaunch());
  }

  /** The floor of an HTTP read: the library's work in process plus the HTTP no-op's round trip. */
  private void putSum(Report report, Measurements m, String key, Series library, Series http) {
    Series floor =
        http == null ? library : Series.sum(library.label() + " + HTTP no-op", library, http);
    m.floor.put(key, floor);
    report.series(floor);
  }

  private void put(Report report, Measurements m, String key, Series s) {
    m.floor.put(key, s);
    report.series(s);
    progress.printf(
        "  %-44s p50 %7.3f ms  p95 %7.3f ms  p99 %7.3f ms%n",
        s.label(), s.p50Ms(), s.p95Ms(), s.p99Ms());
  }

  /** A warm-up, then the plan's iterations, timed one by one. */
  private Series series(String label, Op op, Deadline budget) {
    Deadline warmup = QueryPhases.bound(budget, plan);
    long[] nanos = new long[plan.iterations];
    long sink = 0;
    int n = 0;
    try {
      for (int i = 0; i < plan.warmup() && !warmup.passed(); i++) {
        sink += op.apply(i);
      }
      Deadline bound = QueryPhases.bound(budget, plan);
      long t0 = System.nanoTime();
      for (; n < plan.iterations && !bound.passed(); n++) {
        long t = System.nanoTime();
        sink += op.apply(n);
        nanos[n] = System.nanoTime() - t;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Integer> results = new HashMap<>();
      results.put("ok", n);
      results.put("results", (int) Math.min(Integer.MAX_VALUE, sink));
      return Series.of(label, 1, java.util.Arrays.copyOf(nanos, n), seconds, results);
    } catch (Exception e) {
      throw new IllegalStateException(label + " failed: " + e.getMessage(), e);
    }
  }

  /** Seconds to launch and exit a bare JVM ({@code java -version}), best of three. */
  private double jvmLaunch() throws IOException, InterruptedException {
    double best = Double.MAX_VALUE;
    for (int k = 0; k < 3; k++) {
      long t = System.nanoTime();
      Process p =
          new ProcessBuilder(options.javaHome().resolve("bin/java").toString(), "-version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.waitFor(60, TimeUnit.SECONDS);
      best = Math.min(best, (System.nanoTime() - t) / 1e9);
    }
    return best;
  }
}
