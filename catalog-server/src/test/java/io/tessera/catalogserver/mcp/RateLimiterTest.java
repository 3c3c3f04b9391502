package io.tessera.catalogserver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    long millis = 1_000_000;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
      return millis;
    }
  }

  @Test
  void shouldLetABurstOfOneMinutesCallsPassThenRefuseWithTheWait() {
    ManualClock clock = new ManualClock();
    RateLimiter limiter = new RateLimiter(60, clock);
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.acquire("token:a")).isZero();
    }
    assertThat(limiter.acquire("token:a")).isEqualTo(1);
    assertThat(limiter.acquire("token:b")).as("another token has its own bucket").isZero();
  }

  @Test
  void shouldRefillContinuously() {
    ManualClock clock = new ManualClock();
    RateLimiter limiter = new RateLimiter(6, clock);
    for (int i = 0; i < 6; i++) {
      limiter.acquire("k");
    }
    assertThat(limiter.acquire("k")).isEqualTo(10);
    clock.millis += 10_000;
    assertThat(limiter.acquire("k")).isZero();
    assertThat(limiter.acquire("k")).isPositive();
    clock.millis += 600_000;
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.acquire("k")).as("never more than a minute's calls").isZero();
    }
    assertThat(limiter.acquire("k")).isPositive();
  }
}
