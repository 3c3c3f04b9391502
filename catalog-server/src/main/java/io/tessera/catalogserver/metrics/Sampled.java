package io.tessera.catalogserver.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per interval, for gauges whose reading costs a query (the journal head,
 * the change feed's position): one scrape reads each source once however many meters it feeds.
 */
public final class Sampled<T> implements Supplier<T> {
  private final Supplier<T> source;
  private final long intervalNanos;
  private T value;
  private long readAt;
  private boolean read;

  public Sampled(Supplier<T> source, Duration interval) {
    this.source = source;
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public synchronized T get() {
    long now = System.nanoTime();
    if (!read || now - readAt > intervalNanos) {
      value = source.get();
      readAt = now;
      read = true;
    }
    return value;
  }
}
