package io.tessera.catalogserver.notify;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition every 25 ms until it holds or the deadline passes (then fails the test). */
final class Eventually {
  private Eventually() {}

  static void until(Duration deadline, Callable<Boolean> condition) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      if (Boolean.TRUE.equals(condition.call())) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("not true within " + deadline);
      }
      Thread.sleep(25);
    }
  }
}
