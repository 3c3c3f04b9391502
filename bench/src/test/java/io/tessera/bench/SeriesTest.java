package io.tessera.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesTest {
  @Test
  void shouldTakeNearestRankPercentilesInMilliseconds() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1_000_000L;
    }
    Series s = Series.of("x", 1, nanos, 2.0, Map.of("200", 100));

    assertThat(s.p50Ms()).isEqualTo(50.0);
    assertThat(s.p95Ms()).isEqualTo(95.0);
    assertThat(s.p99Ms()).isEqualTo(99.0);
    assertThat(s.maxMs()).isEqualTo(100.0);
    assertThat(s.perSecond()).isEqualTo(50.0);
  }

  @Test
  void shouldAddTwoFloorsPercentileByPercentile() {
    Series library = Series.of("lib", 1, new long[] {1_000_000, 2_000_000}, 1, Map.of("ok", 2));
    Series http = Series.of("noop", 1, new long[] {500_000, 3_000_000}, 1, Map.of("204", 2));

    Series sum = Series.sum("both", library, http);

    assertThat(sum.p50Ms()).isEqualTo(1.5);
    assertThat(sum.p99Ms()).isEqualTo(5.0);
    assertThat(sum.count()).isEqualTo(2);
  }

  @Test
  void shouldReportZeroForAnEmptySeries() {
    Series s = Series.of("x", 1, new long[0], 0, Map.of());

    assertThat(s.count()).isZero();
    assertThat(s.p99Ms()).isZero();
    assertThat(s.perSecond()).isZero();
  }

  @Test
  void shouldExpressRatiosAsTimesWorseThanTheFloor() {
    Report report = new Report();
    report.add("latency", "ms", Report.Better.LOWER, 30.0, 10.0, null);
    report.add("rate", "events/s", Report.Better.HIGHER, 100.0, 400.0, null);
    report.add("no floor", "MiB", Report.Better.LOWER, 5.0, null, null);

    assertThat(report.rows()).extracting(Report.Row::ratio).containsExactly(3.0, 4.0, null);
  }
}
