package io.tessera.catalogserver.events;

import io.micronaut.scheduling.annotation.Scheduled;
import io.tessera.catalogserver.cluster.Leadership;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the change feed's retention ({@code tessera.events.retention}): every {@code
 * tessera.events.prune-every}, events older than the retention are deleted. A cursor before them
 * then answers {@code 410 Gone}. With several nodes on one PostgreSQL only the elected leader
 * ({@link Leadership}) prunes the shared feed.
 */
@Singleton
public class EventRetention {
  private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

  private final CatalogEventLog log;
  private final EventsConfig config;
  private final Clock clock;
  private final Leadership leadership;

  public EventRetention(CatalogEventLog log, EventsConfig config, Leadership leadership) {
    this.leadership = leadership;
    this.log = log;
    this.config = config;
    this.clock = Clock.systemUTC();
  }

  @Scheduled(
      initialDelay = "${tessera.events.prune-initial-delay:1m}",
      fixedDelay = "${tessera.events.prune-every:1h}")
  void scheduled() {
    if (!leadership.leading()) {
      return;
    }
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
