package io.tessera.catalogserver.notify;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tessera.catalogserver.cluster.Leadership;
import io.tessera.catalogserver.events.CatalogEventLog;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the dispatcher and then the deliverer on one thread of this process: woken by every commit
 * to the change feed, and otherwise every {@code tessera.notify.poll-interval} (or sooner when a
 * retry falls due); once an hour it also removes finished deliveries older than {@code
 * keep-deliveries}. With several nodes on one PostgreSQL only the elected leader ({@link
 * Leadership}) dispatches and delivers; the others' rounds do nothing. Should two nodes both think
 * they lead for a moment, the dispatcher's cursor row is read {@code FOR UPDATE} and deliveries are
 * unique per event and recipient, so nothing is sent twice.
 */
@Singleton
public class NotificationWorker implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);

  private final NotificationDispatcher dispatcher;
  private final NotificationDeliverer deliverer;
  private final CatalogEventLog events;
  private final SubscriptionRepository repository;
  private final NotifyConfig config;
  private final Leadership leadership;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tessera-notify");
            t.setDaemon(true);
            return t;
          });
  private ScheduledFuture<?> next;
  private boolean running;
  private Instant lastPrune;
  private boolean wakeup;

  public NotificationWorker(
      NotificationDispatcher dispatcher,
      NotificationDeliverer deliverer,
      CatalogEventLog events,
      SubscriptionRepository repository,
      NotifyConfig config,
      Leadership leadership) {
    this.leadership = leadership;
    this.repository = repository;
    this.dispatcher = dispatcher;
    this.deliverer = deliverer;
    this.events = events;
    this.config = config;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    if (!config.enabled()) {
      LOG.info("notifications are off (tessera.notify.enabled=false)");
      return;
    }
    events.onAppend(position -> wake());
    wake();
  }

  /** Runs a round as soon as the thread is free (again after the current one, if running). */
  public synchronized void wake() {
    wakeup = true;
    if (running || thread.isShutdown()) {
      return;
    }
    if (next == null || next.cancel(false)) {
      next = thread.schedule(this::round, 0, TimeUnit.MILLISECONDS);
    }
  }

  private void round() {
    synchronized (this) {
      running = true;
      wakeup = false;
    }
    try {
      if (leading()) {
        while (dispatcher.dispatchOnce() > 0) {
          // keep going while the feed has more
        }
        deliverer.deliverOnce();
        prune();
      }
    } catch (Exception e) {
      LOG.warn("a notification round failed; retrying at the next poll", e);
    }
    Duration wait = idleWait();
    synchronized (this) {
      running = false;
      if (!thread.isShutdown()) {
        next = thread.schedule(this::round, wakeup ? 0 : wait.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  private void prune() {
    Instant now = Instant.now();
    if (lastPrune != null && lastPrune.plus(Duration.ofHours(1)).isAfter(now)) {
      return;
    }
    lastPrune = now;
    int removed = repository.prune(now.minus(config.keepDeliveries()));
    if (removed > 0) {
      LOG.info("removed {} finished deliveries older than {}", removed, config.keepDeliveries());
    }
  }

  private Duration idleWait() {
    Duration wait = config.pollInterval();
    try {
      Instant due = deliverer.nextDue().orElse(null);
      if (due != null) {
        Duration untilDue = Duration.between(Instant.now(), due);
        if (untilDue.compareTo(wait) < 0) {
          wait = untilDue.isNegative() ? Duration.ZERO : untilDue;
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("could not read when the next delivery is due", e);
    }
    return wait;
  }

  private boolean leading() {
    return leadership.leading();
  }

  /**
   * Stops polling: the next round is cancelled and a round in progress may finish (at most 10 s)
   * before the thread is interrupted. Called first by {@code wiring/ShutdownSequence}, before the
   * database closes; again, doing nothing, when the bean is destroyed.
   */
  @PreDestroy
  public void stop() throws InterruptedException {
    synchronized (this) {
      if (next != null) {
        next.cancel(false);
      }
      thread.shutdown();
    }
    if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
      thread.shutdownNow();
    }
  }
}
