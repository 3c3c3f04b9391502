package io.tessera.catalogserver.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Per-call latencies of one operation: a timed warm-up, then every call timed with {@code
 * System.nanoTime} for a fixed time; mean and percentiles (what JMH's SampleTime mode reports).
 */
final class LatencySamples {
  private static final Duration WARMUP =
      Duration.ofMillis(Long.getLong("bench.warmupMillis", 2000));
  private static final Duration MEASURE =
      Duration.ofMillis(Long.getLong("bench.measureMillis", 4000));

  static volatile int sink;
  static boolean quiet;

  static void header() {
    if (quiet) {
      return;
    }
    System.out.printf(
        "%-14s %-38s %9s %9s %9s %9s %9s %9s%n",
        "store", "operation", "n", "mean µs", "p50 µs", "p90 µs", "p99 µs", "p99.9 µs");
  }

  static void run(String label, String name, IntFunction<Object> work) {
    int i = 0;
    long end = System.nanoTime() + WARMUP.toNanos();
    while (System.nanoTime() < end) {
      sink += System.identityHashCode(work.apply(i++));
    }
    if (quiet) {
      return;
    }
    long[] samples = new long[1 << 22];
    int count = 0;
    long total = 0;
    end = System.nanoTime() + MEASURE.toNanos();
    while (count < samples.length) {
      long t = System.nanoTime();
      sink += System.identityHashCode(work.apply(i++));
      long after = System.nanoTime();
      samples[count++] = after - t;
      total += after - t;
      if (after > end) {
        break;
      }
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    System.out.printf(
        "%-14s %-38s %9d %9.2f %9.2f %9.2f %9.2f %9.2f%n",
        label,
        name,
        count,
        total / 1e3 / count,
        sorted[count / 2] / 1e3,
        sorted[(int) (count * 0.9)] / 1e3,
        sorted[(int) (count * 0.99)] / 1e3,
        sorted[(int) (count * 0.999)] / 1e3);
  }
}
