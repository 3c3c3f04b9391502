package io.tessera.catalogserver.events;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the change feed's retention ({@code tessera.events.retention}): every {@code
 * tessera.events.prune-every}, events older than the retention are deleted. A cursor before them
 * then answers {@code 410 Gone}. Every node may run it; deleting twice is harmless.
 */
@Singleton
public class EventRetention {
  private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

  private final CatalogEventLog log;
  private final EventsConfig config;
  private final Clock clock;

  public EventRetention(CatalogEventLog log, EventsConfig config) {
    this.log = log;
    this.config = config;
    this.clock = Clock.systemUTC();
  }

  @Scheduled(
      initialDelay = "${tessera.events.prune-initial-delay:1m}",
      fixedDelay = "${tessera.events.prune-every:1h}")
  void scheduled() {
    try {
      prune();
    } catch (RuntimeException e) {
      LOG.warn("could not apply the change feed's retention", e);
    }
  }

  /** Deletes the events older than the retention; returns how many. */
  public int prune() {
    return pruneBefore(Instant.now(clock).minus(config.retention()));
  }

  /** Deletes the events older than the instant; returns how many. */
  public int pruneBefore(Instant before) {
    int pruned = log.prune(before);
    if (pruned > 0) {
      LOG.info("change feed: pruned {} events older than {}", pruned, before);
    }
    return pruned;
  }
}
