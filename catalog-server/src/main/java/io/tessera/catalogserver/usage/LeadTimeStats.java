package io.tessera.catalogserver.usage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The arithmetic of time-to-value: calendar quarters (UTC) and percentiles of lead times.
 *
 * <p>Percentiles interpolate linearly between the two nearest ranks (the "R-7" definition that
 * spreadsheets and NumPy use by default): for {@code n} sorted values and a fraction {@code q}, the
 * position is {@code h = (n - 1) q} and the value {@code x[floor h] + (h - floor h) (x[floor h + 1]
 * - x[floor h])}. The median is the 50th percentile, so of an even number of values it is the mean
 * of the middle two. Results are rounded to the nearest second.
 */
final class LeadTimeStats {
  private LeadTimeStats() {}

  /** The quarter an instant falls in, in UTC, as {@code 2026-Q4}. */
  static String quarter(Instant at) {
    ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
    return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * The {@code q} percentile ({@code 0..1}) of values sorted ascending, in whole seconds.
   *
   * @throws IllegalArgumentException when there are no values or {@code q} is outside 0..1
   */
  static long percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("q must be between 0 and 1: " + q);
    }
    double h = (sorted.size() - 1) * q;
    int low = (int) Math.floor(h);
    int high = Math.min(low + 1, sorted.size() - 1);
    double value = sorted.get(low) + (h - low) * (sorted.get(high) - sorted.get(low));
    return Math.round(value);
  }
}
