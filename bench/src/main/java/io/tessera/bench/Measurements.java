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
    value(report, "load: mesh generation", "s", "load-generate", null);
    value(report, "load: descriptor apply", "s", "load-apply", null);
    value(report, "load: OpenLineage events posted (8 clients)", "s", "load-events", null);
    Double events = values.get("load-events-count");
    Double eventSeconds = values.get("load-events");
    report.add(
        "load: OpenLineage events posted (8 clients), rate",
        "events/s",
        Report.Better.HIGHER,
        events == null || eventSeconds == null || eventSeconds <= 0 ? null : events / eventSeconds,
        null,
        null);
    value(
        report,
        "load: projection and index catch-up after the last event",
        "s",
        "load-catch-up",
        null);
    value(report, "load: total (generation to stopped server)", "s", "load-total", null);
    report.add(
        "start-up to healthy",
        "s",
        Report.Better.LOWER,
        values.get("startup"),
        values.get("startup-floor"),
        "empty data directory; floor: JVM launch (java -version)");
    report.add(
        "restart on the loaded data directory",
        "s",
        Report.Better.LOWER,
        values.get("restart"),
        values.get("startup-floor"),
        "to healthy; floor: JVM launch");
    report.add(
        "descriptor apply",
        "products/s",
        Report.Better.HIGHER,
        values.get("apply-rate"),
        values.get("apply-rate-floor"),
        null);
    for (String fsync : new String[] {"off", "on"}) {
      for (int clients : new int[] {1, 4, 8}) {
        String key = ("on".equals(fsync) ? "ingest-fsync-" : "ingest-") + clients;
        String metric = "OpenLineage ingest, " + clients + " client(s), fsync " + fsync;
        rate(report, metric, key, "events/s", null);
        latency(report, metric, key);
      }
    }
    value(report, "lineage projection catch-up after the measured ingest", "s", "catch-up", null);
    latency(report, "lineage upstream depth 1", "lineage-1");
    for (int depth : QueryPhases.DEEP) {
      for (String direction : QueryPhases.DIRECTIONS) {
        for (QueryPlan.Start start : QueryPlan.Start.values()) {
          latency(
              report,
              "lineage " + direction + " depth " + depth + " from " + start.label,
              QueryPhases.lineageKey(direction, depth, start));
        }
      }
    }
    notes.putIfAbsent("search", "floor: the search-index library in process + HTTP no-op");
    latency(report, "search", "search");
    notes.putIfAbsent("search-bare", "floor: bare Lucene term queries, top 10, no facets");
    latency(report, "search vs bare terms", "search-bare");
    notes.putIfAbsent("suggest", "floor: the search-index library in process + HTTP no-op");
    latency(report, "suggest", "suggest");
    notes.putIfAbsent("suggest-bare", "floor: bare Lucene term query on the n-gram field");
    latency(report, "suggest vs bare terms", "suggest-bare");
    latency(report, "product read (REST)", "product");
    latency(report, "GraphQL product page", "graphql");
    notes.putIfAbsent("search-consumer", "floor: the library for the admin + HTTP no-op");
    latency(report, "search, consumer under 100 policies", "search-consumer");
    notes.putIfAbsent("suggest-consumer", "floor: the library for the admin + HTTP no-op");
    latency(report, "suggest, consumer under 100 policies", "suggest-consumer");
    latency(report, "GraphQL product page, consumer under 100 policies", "graphql-consumer");
    latency(report, "HTTP minimal (GET /health)", "health");
    value(report, "heap after load (live, after GC)", "MiB", "heap", null);
    value(report, "resident memory after load", "MiB", "rss", null);
    value(report, "data directory after load", "MiB", "data-dir", null);
    value(report, "data on disk per 1k datasets: H2 (journal)", "MiB", "disk-h2", null);
    value(report, "data on disk per 1k datasets: TDB2 (graph)", "MiB", "disk-tdb2", null);
    value(report, "data on disk per 1k datasets: Lucene (index)", "MiB", "disk-lucene", null);
    value(report, "data on disk per 1k datasets: total", "MiB", "disk-total", null);
  }

  private void value(Report report, String metric, String unit, String key, String note) {
    report.add(metric, unit, Report.Better.LOWER, values.get(key), null, note);
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
        metric + " p95",
        "ms",
        Report.Better.LOWER,
        t == null ? null : t.p95Ms(),
        f == null ? null : f.p95Ms(),
        null);
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
