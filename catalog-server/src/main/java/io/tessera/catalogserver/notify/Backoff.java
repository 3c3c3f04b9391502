package io.tessera.catalogserver.notify;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: the base delay doubled per attempt, capped at the maximum,
 * with "equal jitter" (half the delay fixed, half random) so receivers coming back are not hit by
 * every sender at once.
 */
public final class Backoff {
  private final Duration base;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration base, Duration max, RandomGenerator random) {
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The delay without jitter after the given number of failed attempts (1 = the first). */
  public Duration ceiling(int failedAttempts) {
    long millis = base.toMillis();
    for (int i = 1; i < failedAttempts && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }

  /** The delay to wait after the given number of failed attempts, jittered. */
  public Duration delay(int failedAttempts) {
    long ceiling = ceiling(failedAttempts).toMillis();
    long half = ceiling / 2;
    return Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
  }
}
