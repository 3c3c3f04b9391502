package io.tessera.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured series: how many requests (or operations), over how long, with latency percentiles
 * (p50, p95, p99) in milliseconds and the status codes seen.
 */
public record Series(
    String label,
    int clients,
    int count,
    double seconds,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    Map<String, Integer> statuses) {

  /** Operations per second over the whole series. */
  public double perSecond() {
    return seconds <= 0 ? 0 : count / seconds;
  }

  /** Builds a series from latencies in nanoseconds. */
  static Series of(
      String label, int clients, long[] nanos, double seconds, Map<String, Integer> statuses) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Series(
        label,
        clients,
        sorted.length,
        seconds,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 95)),
        millis(percentile(sorted, 99)),
        millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
        new TreeMap<>(statuses));
  }

  /**
   * A floor made of two costs paid one after the other (e.g. the search library in process plus an
   * HTTP no-op): each percentile is the sum of the two series' percentiles, an estimate that
   * assumes their slow requests coincide.
   */
  static Series sum(String label, Series a, Series b) {
    return new Series(
        label,
        a.clients(),
        Math.min(a.count(), b.count()),
        a.seconds() + b.seconds(),
        round(a.p50Ms() + b.p50Ms()),
        round(a.p95Ms() + b.p95Ms()),
        round(a.p99Ms() + b.p99Ms()),
        round(a.maxMs() + b.maxMs()),
        new TreeMap<>(a.statuses()));
  }

  private static double round(double ms) {
    return Math.round(ms * 100.0) / 100.0;
  }

  /** Nearest-rank percentile of sorted values (0 when empty). */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return Math.round(nanos / 10_000.0) / 100.0;
  }
}
