package io.tessera.bench;

/** A point in time after which a phase stops taking new work. */
record Deadline(long nanos) {
  static Deadline in(double seconds) {
    return new Deadline(System.nanoTime() + (long) (seconds * 1e9));
  }

  boolean passed() {
    return System.nanoTime() > nanos;
  }

  double remainingSeconds() {
    return Math.max(0, (nanos - System.nanoTime()) / 1e9);
  }

  /** The earlier of this deadline and one {@code seconds} from now. */
  Deadline within(double seconds) {
    return new Deadline(Math.min(nanos, System.nanoTime() + (long) (seconds * 1e9)));
  }
}
