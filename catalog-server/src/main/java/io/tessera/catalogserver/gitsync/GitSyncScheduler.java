package io.tessera.catalogserver.gitsync;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tessera.catalogserver.cluster.Leadership;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Git sync on one thread of this process: once the server has started, then every {@code
 * tessera.git.interval}. With several nodes on one PostgreSQL only the elected leader ({@link
 * Leadership}) syncs; every node may be configured with the same repository.
 */
@Singleton
public class GitSyncScheduler implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(GitSyncScheduler.class);

  private final GitSyncService sync;
  private final GitSyncConfig config;
  private final Leadership leadership;
  private ScheduledExecutorService thread;

  public GitSyncScheduler(GitSyncService sync, GitSyncConfig config, Leadership leadership) {
    this.leadership = leadership;
    this.sync = sync;
    this.config = config;
  }

  @Override
  public synchronized void onApplicationEvent(ServerStartupEvent event) {
    if (!config.enabled() || thread != null) {
      return;
    }
    LOG.info("Git sync follows {} every {}", config.describe(), config.interval());
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tessera-git-sync");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::round, 0, Math.max(1, config.interval().toMillis()), TimeUnit.MILLISECONDS);
  }

  private void round() {
    try {
      if (leadership.leading()) {
        sync.sync(false);
      }
    } catch (RuntimeException e) {
      LOG.warn("Git sync round failed; retrying at the next interval", e);
    }
  }

  /**
   * Stops the schedule: a round in progress may finish (at most 30 s) before the thread is
   * interrupted. Called first by {@code wiring/ShutdownSequence}, before the stores close.
   */
  @PreDestroy
  public void stop() throws InterruptedException {
    ScheduledExecutorService running;
    synchronized (this) {
      running = thread;
    }
    if (running == null) {
      return;
    }
    running.shutdown();
    if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
      running.shutdownNow();
    }
  }
}
