package io.tessera.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the phases measured, keyed by series name ({@code apply}, {@code ingest-4}, {@code
 * lineage-5}, {@code search}...), for Tessera and for its floor; turned into the report's rows in
 * one fixed order at the end.
 */
final class Measurements {
  final Map<String, Series> tessera = new LinkedHashMap<>();
  final Map<String, Series> floor = new LinkedHashMap<>();
  final Map<String, Double> values = new LinkedHashMap<>();
  final Map<String, String> notes = new LinkedHashMap<>();

  void addRows(Report report) {
    report.add(
        "start-up to healthy",
        "s",
        Report.Better.LOWER,
        values.get("startup"),
        values.get("startup-floor"),
        "floor: JVM launch (java -version)");
    rate(report, "descriptor apply", "apply", "products/s", values.get("apply-products"));
    for (int clients : new int[] {1, 4, 8}) {
      String key = "ingest-" + clients;
      rate(report, "OpenLineage ingest, " + clients + " client(s)", key, "events/s", null);
      latency(report, "OpenLineage ingest, " + clients + " client(s)", key);
    }
    report.add(
        "lineage projection catch-up after ingest",
        "s",
        Report.Better.LOWER,
        values.get("catch-up"),
        null,
        null);
    for (int depth : new int[] {1, 5, 20}) {
      latency(report, "lineage upstream depth " + depth, "lineage-" + depth);
    }
    latency(report, "search", "search");
    latency(report, "suggest", "suggest");
    latency(report, "product read (REST)", "product");
    latency(report, "GraphQL product page", "graphql");
    latency(report, "search, consumer under 100 policies", "search-consumer");
    latency(report, "GraphQL product page, consumer under 100 policies", "graphql-consumer");
    latency(report, "HTTP minimal (GET /health)", "health");
    report.add(
        "heap after load (live, after GC)",
        "MiB",
        Report.Better.LOWER,
        values.get("heap"),
        null,
        null);
    report.add(
        "resident memory after load", "MiB", Report.Better.LOWER, values.get("rss"), null, null);
    report.add(
        "data directory after load",
        "MiB",
        Report.Better.LOWER,
        values.get("data-dir"),
        null,
        null);
  }

  private void rate(Report report, String metric, String key, String unit, Double units) {
    Series t = tessera.get(key);
    Series f = floor.get(key);
    report.add(
        metric,
        unit,
        Report.Better.HIGHER,
        perSecond(t, units),
        perSecond(f, units),
        notes.get(key));
  }

  private void latency(Report report, String metric, String key) {
    Series t = tessera.get(key);
    Series f = floor.get(key);
    String note = notes.get(key);
    report.add(
        metric + " p50",
        "ms",
        Report.Better.LOWER,
        t == null ? null : t.p50Ms(),
        f == null ? null : f.p50Ms(),
        note);
    report.add(
        metric + " p99",
        "ms",
        Report.Better.LOWER,
        t == null ? null : t.p99Ms(),
        f == null ? null : f.p99Ms(),
        null);
  }

  /** Per second: series operations, or {@code units} (e.g. products in all requests) over time. */
  private static Double perSecond(Series s, Double units) {
    if (s == null || s.seconds() <= 0) {
      return null;
    }
    return units == null ? s.perSecond() : units / s.seconds();
  }
}
