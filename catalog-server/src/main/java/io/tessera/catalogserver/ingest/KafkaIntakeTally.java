package io.tessera.catalogserver.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Kafka intake did, as its status and meters show it: counts, the latest rejections (at
 * most {@link #KEPT_REJECTIONS}), the state, the assigned partitions and the last error. Written by
 * the intake's thread, read by any.
 */
final class KafkaIntakeTally {
  /** How many rejected records the status keeps. */
  static final int KEPT_REJECTIONS = 50;

  private static final Logger LOG = LoggerFactory.getLogger(KafkaIntake.class);

  private final AtomicLong consumed = new AtomicLong();
  private final AtomicLong journaled = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final Deque<KafkaIntakeStatus.Rejection> rejections = new ArrayDeque<>();
  private volatile String state = "starting";
  private volatile List<KafkaIntakeStatus.Partition> assigned = List.of();
  private volatile String lastError;
  private volatile Instant lastErrorAt;

  void consumed() {
    consumed.incrementAndGet();
  }

  void stored(boolean duplicate) {
    (duplicate ? duplicates : journaled).incrementAndGet();
  }

  void retried() {
    retries.incrementAndGet();
  }

  void state(String now) {
    state = now;
  }

  void assigned(List<KafkaIntakeStatus.Partition> partitions) {
    assigned = List.copyOf(partitions);
  }

  /** Counts, logs (where, never what) and keeps a skipped record. */
  void rejected(String topic, int partition, long offset, String reason) {
    rejected.incrementAndGet();
    LOG.warn("skipped the Kafka record at {}/{}@{}: {}", topic, partition, offset, reason);
    synchronized (rejections) {
      rejections.addFirst(
          new KafkaIntakeStatus.Rejection(topic, partition, offset, reason, Instant.now()));
      while (rejections.size() > KEPT_REJECTIONS) {
        rejections.removeLast();
      }
    }
  }

  /** Records and logs a failure; {@code e} only when its stack trace helps. */
  void failed(String message, Exception e) {
    lastError = message;
    lastErrorAt = Instant.now();
    if (e == null) {
      LOG.warn(message);
    } else {
      LOG.warn(message, e);
    }
  }

  KafkaIntakeStatus status(KafkaIntakeConfig config) {
    List<KafkaIntakeStatus.Rejection> recent;
    synchronized (rejections) {
      recent = List.copyOf(rejections);
    }
    return new KafkaIntakeStatus(
        true,
        state,
        config.bootstrapServers(),
        config.topic(),
        config.groupId(),
        config.producer(),
        config.propertyNames(),
        assigned,
        consumed.get(),
        journaled.get(),
        duplicates.get(),
        rejected.get(),
        retries.get(),
        lastError,
        lastErrorAt,
        recent);
  }

  /**
   * {@code tessera.lineage.kafka.consumed} (records read), {@code tessera.lineage.kafka.records} by
   * {@code outcome} ({@code journaled}, {@code duplicate}, {@code rejected}), {@code
   * tessera.lineage.kafka.retries} and {@code tessera.lineage.kafka.lag} (in records, behind the
   * end of this node's partitions).
   */
  void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("tessera.lineage.kafka.consumed", consumed, AtomicLong::get)
        .description("Kafka records read by the OpenLineage intake")
        .register(registry);
    for (Map.Entry<String, AtomicLong> outcome :
        Map.of("journaled", journaled, "duplicate", duplicates, "rejected", rejected).entrySet()) {
      FunctionCounter.builder("tessera.lineage.kafka.records", outcome.getValue(), AtomicLong::get)
          .description("Kafka records taken by the OpenLineage intake, by outcome")
          .tag("outcome", outcome.getKey())
          .register(registry);
    }
    FunctionCounter.builder("tessera.lineage.kafka.retries", retries, AtomicLong::get)
        .description("waits after the journal or the broker could not take a batch")
        .register(registry);
    Gauge.builder("tessera.lineage.kafka.lag", this, KafkaIntakeTally::totalLag)
        .description("records behind the end of this node's Kafka partitions")
        .baseUnit("records")
        .register(registry);
  }

  private double totalLag() {
    return assigned.stream().mapToLong(p -> p.lag() == null ? 0 : p.lag()).sum();
  }
}
