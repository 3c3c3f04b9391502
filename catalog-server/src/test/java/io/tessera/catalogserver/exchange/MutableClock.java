package io.tessera.catalogserver.exchange;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves forward, replacing the server's clock when {@code
 * tessera.test.mutable-clock} is set: agreements expire by it.
 */
@Singleton
@Named("clock")
@Replaces(Clock.class)
@Requires(property = "tessera.test.mutable-clock", value = "true")
public class MutableClock extends Clock {
  private volatile Instant now = Instant.now();

  /** Moves the clock forward. */
  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
