package io.tessera.catalogserver.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.tessera.catalogserver.metrics.Sampled;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The change feed's meters on {@code /metrics}: {@code tessera.changes.position} (the newest
 * cursor, read at most once a second) and {@code tessera.changes.streams} (open server-sent event
 * streams). Collaborators are resolved on the first scrape (see docs/observability.md, "Adding
 * meters").
 */
@Singleton
public class ChangeFeedMeters implements MeterBinder {
  private final Sampled<Long> position;
  private final BeanProvider<ChangeStreams> streams;

  public ChangeFeedMeters(BeanProvider<CatalogEventLog> log, BeanProvider<ChangeStreams> streams) {
    this.position = new Sampled<>(() -> log.get().latest(), Duration.ofSeconds(1));
    this.streams = streams;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("tessera.changes.position", position, Sampled::get)
        .description("newest cursor of the change feed")
        .register(registry);
    Gauge.builder("tessera.changes.streams", streams, s -> s.get().openStreams())
        .description("open change feed streams")
        .baseUnit("streams")
        .register(registry);
  }
}
