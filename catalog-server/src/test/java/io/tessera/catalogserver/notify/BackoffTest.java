package io.tessera.catalogserver.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(10), Duration.ofHours(1), new Random(42));

  @Test
  void shouldDoubleTheDelayPerAttemptUpToTheMaximum() {
    assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(640));
    assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(2560));
    assertThat(backoff.ceiling(10)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.ceiling(60)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldJitterBetweenHalfAndAllOfTheCeiling() {
    for (int attempt = 1; attempt <= 12; attempt++) {
      for (int i = 0; i < 100; i++) {
        Duration d = backoff.delay(attempt);
        assertThat(d).isBetween(backoff.ceiling(attempt).dividedBy(2), backoff.ceiling(attempt));
      }
    }
  }
}
