package io.tessera.catalogserver.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.Principal;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenLineage events from a Kafka topic (the one the OpenLineage clients' Kafka transport writes,
 * one event's JSON per record) into the same journal as {@code POST /api/v1/lineage}, through
 * {@link LineageIngestService}: the same validation, producer check, backlog wait and
 * deduplication.
 *
 * <p>One thread polls; each batch's records are handed to the journal together (one commit group)
 * and a partition's offset is committed only once every record before it is committed to the
 * journal. A record that is not an OpenLineage event, or that the topic's producer may not write,
 * is counted, logged by topic, partition and offset (never its contents), kept among the recent
 * rejections and skipped. When the journal cannot take a record (database down), nothing of that
 * partition from it on is committed: the consumer seeks back and tries again after a wait that
 * doubles up to {@link KafkaIntakeConfig#maxBackoff()}; records that were journaled meanwhile come
 * again and are deduplicated. Every node uses the same consumer group, so nodes split the
 * partitions.
 */
@Singleton
@Requires(property = "tessera.lineage.kafka.bootstrap-servers", pattern = ".*\\S.*")
public class KafkaIntake implements MeterBinder, ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaIntake.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  /** Where records go: {@link LineageIngestService#acceptAsync}. */
  interface Sink {
    CompletableFuture<LineageJournal.Appended> accept(byte[] body, Principal producer);
  }

  private final KafkaIntakeConfig config;
  private final Principal producer;
  private final Sink sink;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final Object pause = new Object();
  private final KafkaIntakeTally tally = new KafkaIntakeTally();
  private volatile boolean running;
  private volatile Consumer<byte[], byte[]> current;
  private Duration backoff = FIRST_BACKOFF;
  private Thread thread;

  /**
   * @param ingest resolved when the first record comes, not before: the intake's meters are bound
   *     when the meter registry is built, before the journal and its database exist
   */
  @Inject
  public KafkaIntake(KafkaIntakeConfig config, BeanProvider<LineageIngestService> ingest) {
    this(
        config,
        (body, producer) -> ingest.get().acceptAsync(body, producer),
        () ->
            new KafkaConsumer<>(
                consumerSettings(config),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer()));
  }

  KafkaIntake(KafkaIntakeConfig config, Sink sink, Supplier<Consumer<byte[], byte[]>> consumers) {
    this.config = config;
    this.producer = config.principal();
    this.sink = sink;
    this.consumers = consumers;
  }

  /**
   * The consumer's settings: the pass-through ones, then what the intake needs (brokers, group,
   * byte deserializers, no auto-commit), and defaults the pass-through ones may change: a new group
   * reads the topic from its beginning, and at most 50 records a poll (each may wait up to {@link
   * LineageIngestService#BACKLOG_WAIT} for the projection, well within {@code
   * max.poll.interval.ms}).
   */
  static Properties consumerSettings(KafkaIntakeConfig config) {
    Properties settings = new Properties();
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "tessera-lineage-" + config.groupId());
    settings.putAll(config.properties());
    if ("true"
        .equalsIgnoreCase(config.properties().get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG))) {
      LOG.warn(
          "tessera.lineage.kafka.properties.enable.auto.commit is ignored: offsets are"
              + " committed after the journal commit only");
    }
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
    settings.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    return settings;
  }

  /** Starts consuming once the server serves. */
  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    start();
  }

  synchronized void start() {
    if (running || thread != null) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("lineage-kafka").daemon().start(this::run);
    LOG.info(
        "OpenLineage intake from Kafka: topic {} on {}, group {}, as producer '{}'",
        config.topic(),
        config.bootstrapServers(),
        config.groupId(),
        producer.subject());
  }

  /** Stops consuming; what was journaled is committed, the rest is read again by the group. */
  public void stop() throws InterruptedException {
    if (!running) {
      return;
    }
    running = false;
    Consumer<byte[], byte[]> consumer = current;
    if (consumer != null) {
      consumer.wakeup();
    }
    synchronized (pause) {
      pause.notifyAll();
    }
    if (thread != null) {
      thread.join(Duration.ofSeconds(30));
    }
  }

  @PreDestroy
  void close() throws InterruptedException {
    stop();
  }

  private void run() {
    while (running) {
      try (Consumer<byte[], byte[]> consumer = consumers.get()) {
        current = consumer;
        consumer.subscribe(List.of(config.topic()), new Assignments(consumer));
        while (running) {
          if (!pollOnce(consumer)) {
            await(backoff);
            backoff = longer(backoff);
          }
        }
      } catch (WakeupException e) {
        // stopping
      } catch (RuntimeException e) { // KafkaException (authentication, authorization…) or a bug
        tally.failed("the Kafka consumer failed: " + e.getMessage(), e);
        tally.state("retrying");
        tally.retried();
        await(backoff);
        backoff = longer(backoff);
      } finally {
        current = null;
        tally.assigned(List.of());
      }
    }
    tally.state("stopped");
  }

  /**
   * Polls once and hands what came to the journal, committing the offsets of what it took or
   * skipped.
   *
   * @return false when some partition must be read again after a wait (the journal refused)
   */
  boolean pollOnce(Consumer<byte[], byte[]> consumer) {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
    Map<TopicPartition, Long> retryFrom = records.isEmpty() ? Map.of() : take(consumer, records);
    refreshAssignment(consumer);
    if (retryFrom.isEmpty()) {
      backoff = FIRST_BACKOFF;
      tally.state("consuming");
      return true;
    }
    retryFrom.forEach(consumer::seek);
    tally.retried();
    tally.state("retrying");
    return false;
  }

  private Map<TopicPartition, Long> take(
      Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, List<Pending>> pending = new LinkedHashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<Pending> list = new ArrayList<>();
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        tally.consumed();
        list.add(submit(record));
      }
      pending.put(partition, list);
    }
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    Map<TopicPartition, Long> retryFrom = new HashMap<>();
    pending.forEach(
        (partition, list) -> {
          for (Pending p : list) {
            if (!settled(p)) {
              retryFrom.put(partition, p.record().offset());
              return;
            }
            commit.put(partition, new OffsetAndMetadata(p.record().offset() + 1));
          }
        });
    if (!commit.isEmpty()) {
      try {
        consumer.commitSync(commit);
      } catch (CommitFailedException e) {
        // the partitions moved to another node, which reads them again; the journal deduplicates
        tally.failed("offsets not committed (the group rebalanced): " + e.getMessage(), null);
      }
    }
    return retryFrom;
  }

  private record Pending(
      ConsumerRecord<byte[], byte[]> record,
      CompletableFuture<LineageJournal.Appended> stored,
      String rejection) {}

  /** Hands a record to the journal; a record the intake cannot take is a rejection, not a retry. */
  private Pending submit(ConsumerRecord<byte[], byte[]> record) {
    try {
      return new Pending(record, sink.accept(record.value(), producer), null);
    } catch (ProblemException e) {
      if (e.type() == ProblemType.UNAVAILABLE) {
        return new Pending(record, CompletableFuture.failedFuture(e), null);
      }
      return new Pending(record, null, "not an OpenLineage event: " + fields(e.errors()));
    } catch (AccessDeniedException e) {
      return new Pending(
          record,
          null,
          "the topic's producer '" + producer.subject() + "' may not: " + e.getMessage());
    } catch (RuntimeException e) {
      return new Pending(record, null, "cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /** Whether the record is done with (journaled, a duplicate, or rejected). */
  private boolean settled(Pending p) {
    ConsumerRecord<byte[], byte[]> record = p.record();
    if (p.rejection() != null) {
      tally.rejected(record.topic(), record.partition(), record.offset(), p.rejection());
      return true;
    }
    try {
      tally.stored(p.stored().get().duplicate());
      return true;
    } catch (ExecutionException e) {
      tally.failed(
          "the journal did not take the record at "
              + where(record)
              + "; it is read again: "
              + e.getCause().getMessage(),
          null);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void await(Duration wait) {
    synchronized (pause) {
      if (running) {
        try {
          pause.wait(wait.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  private void refreshAssignment(Consumer<byte[], byte[]> consumer) {
    List<KafkaIntakeStatus.Partition> now = new ArrayList<>();
    for (TopicPartition p : consumer.assignment()) {
      OptionalLong lag = consumer.currentLag(p);
      now.add(
          new KafkaIntakeStatus.Partition(
              p.topic(), p.partition(), lag.isPresent() ? lag.getAsLong() : null));
    }
    now.sort(java.util.Comparator.comparingInt(KafkaIntakeStatus.Partition::partition));
    tally.assigned(now);
  }

  /** Keeps the status's partitions in step with the group's assignment. */
  private final class Assignments implements ConsumerRebalanceListener {
    private final Consumer<byte[], byte[]> consumer;

    Assignments(Consumer<byte[], byte[]> consumer) {
      this.consumer = consumer;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      refreshAssignment(consumer);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      refreshAssignment(consumer);
      LOG.info("Kafka intake assigned {}", consumer.assignment());
    }
  }

  /** This node's view of the intake. */
  public KafkaIntakeStatus status() {
    return tally.status(config);
  }

  /** The intake's meters ({@link KafkaIntakeTally#bindTo}). */
  @Override
  public void bindTo(MeterRegistry registry) {
    tally.bindTo(registry);
  }

  private Duration longer(Duration wait) {
    Duration doubled = wait.multipliedBy(2);
    return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
  }

  private static String where(ConsumerRecord<?, ?> record) {
    return record.topic() + "/" + record.partition() + "@" + record.offset();
  }

  private static String fields(List<Problem.FieldError> errors) {
    return errors.isEmpty()
        ? "invalid"
        : String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
  }
}
