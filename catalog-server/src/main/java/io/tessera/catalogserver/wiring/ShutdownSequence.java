package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.tessera.catalogserver.cluster.Leadership;
import io.tessera.catalogserver.gitsync.GitSyncScheduler;
import io.tessera.catalogserver.health.HealthMonitor;
import io.tessera.catalogserver.ingest.KafkaIntake;
import io.tessera.catalogserver.notify.NotificationWorker;
import io.tessera.governance.ToxicCombinationDetector;
import io.tessera.lineage.LineageProjection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the background work before any store closes. Micronaut fires {@link ShutdownEvent} before
 * it destroys a single bean, and then destroys beans in an order that does not follow how data
 * flows between them: the health monitor's thread could be gone while the projection still
 * committed lineage to the graph, and a worker could query the database as it closed. So, on that
 * event, in the order data flows: the Kafka intake (it appends to the lineage journal), the Git
 * sync and the notification loop (they write descriptors and read the database), the lineage
 * projection (the graph's writer from the journal), then the graph's commit listeners that work on
 * their own threads, each draining what is queued (the toxic-combination detector, the health
 * monitor), and last this node's leadership, so another node takes the singleton work over at once.
 * Only then does bean destruction close the journal, the search index, the graph store and the
 * database. Each step's own {@code @PreDestroy} does nothing the second time.
 */
@Context
public class ShutdownSequence implements ApplicationEventListener<ShutdownEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

  private final GitSyncScheduler gitSync;
  private final NotificationWorker notifications;
  private final LineageProjection projection;
  private final ToxicCombinationDetector detector;
  private final HealthMonitor health;
  private final Optional<KafkaIntake> kafka;
  private final Leadership leadership;

  ShutdownSequence(
      GitSyncScheduler gitSync,
      NotificationWorker notifications,
      LineageProjection projection,
      ToxicCombinationDetector detector,
      HealthMonitor health,
      Optional<KafkaIntake> kafka,
      Leadership leadership) {
    this.kafka = kafka;
    this.leadership = leadership;
    this.gitSync = gitSync;
    this.notifications = notifications;
    this.projection = projection;
    this.detector = detector;
    this.health = health;
  }

  @Override
  public void onApplicationEvent(ShutdownEvent event) {
    try {
      if (kafka.isPresent()) {
        kafka.get().stop();
      }
      gitSync.stop();
      notifications.stop();
      projection.stop();
      detector.close();
      health.stop();
      leadership.close();
      LOG.info("background work stopped; closing the stores");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while stopping the background work");
    }
  }
}
