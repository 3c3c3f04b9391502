package io.tessera.catalogserver.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.catalogserver.persistence.LineageJournal;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kafka intake's offset discipline, against Kafka's own {@link MockConsumer}: offsets are
 * committed only past records the journal took or that were rejected; a journal that refuses makes
 * the consumer seek back, and nothing past the refused record is committed until it is taken.
 * (KafkaIntakeIT runs the same against a real broker and the real journal.)
 */
class KafkaIntakeTest {
  private static final String TOPIC = "openlineage.events";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

  private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
  private final List<String> accepted = new ArrayList<>();
  private final List<Principal> producers = new ArrayList<>();
  private boolean journalDown;

  @BeforeEach
  void subscribe() {
    consumer.subscribe(List.of(TOPIC));
    consumer.rebalance(List.of(P0));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
  }

  private KafkaIntake intake(KafkaIntakeConfig config) {
    return new KafkaIntake(config, this::accept, () -> consumer);
  }

  /** Stands in for LineageIngestService#acceptAsync: its contract, on a few marked bodies. */
  private CompletableFuture<LineageJournal.Appended> accept(byte[] body, Principal producer) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    producers.add(producer);
    if (!text.startsWith("{")) {
      throw new ProblemException(
          ProblemType.INVALID_EVENT,
          "not stored",
          List.of(new Problem.FieldError("body", "not JSON: " + text)));
    }
    if (text.contains("claimed")) {
      throw new AccessDeniedException("producer for domain sales");
    }
    if (journalDown) {
      return CompletableFuture.failedFuture(
          new ProblemException(ProblemType.UNAVAILABLE, "the event could not be stored"));
    }
    boolean duplicate = accepted.contains(text);
    accepted.add(text);
    return CompletableFuture.completedFuture(
        new LineageJournal.Appended(accepted.size(), duplicate));
  }

  private void add(long offset, String value) {
    consumer.addRecord(
        new ConsumerRecord<>(
            TOPIC, 0, offset, null, value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
  }

  private long committed() {
    OffsetAndMetadata offset = consumer.committed(Set.of(P0)).get(P0);
    return offset == null ? -1 : offset.offset();
  }

  @Test
  void shouldSkipAndCountGarbageAndCommitPastItWhileFollowingEventsArrive() {
    KafkaIntake intake = intake(config(Map.of()));
    add(0, "{\"event\":1}");
    add(1, "password=hunter2 not json");
    add(2, null);
    add(3, "{\"event\":2}");

    assertThat(intake.pollOnce(consumer)).isTrue();

    assertThat(accepted).containsExactly("{\"event\":1}", "{\"event\":2}");
    assertThat(committed()).isEqualTo(4);
    KafkaIntakeStatus status = intake.status();
    assertThat(status.consumed()).isEqualTo(4);
    assertThat(status.journaled()).isEqualTo(2);
    assertThat(status.rejected()).isEqualTo(2);
    assertThat(status.recentRejections())
        .extracting(KafkaIntakeStatus.Rejection::offset)
        .containsExactly(2L, 1L);
    assertThat(status.recentRejections().get(1).reason())
        .isEqualTo("not an OpenLineage event: body")
        .doesNotContain("hunter2");
    assertThat(status.state()).isEqualTo("consuming");
  }

  @Test
  void shouldNotCommitPastARecordTheJournalRefusedAndReadItAgain() {
    KafkaIntake intake = intake(config(Map.of()));
    add(0, "{\"event\":1}");
    assertThat(intake.pollOnce(consumer)).isTrue();
    assertThat(committed()).isEqualTo(1);

    journalDown = true;
    add(1, "{\"event\":2}");
    add(2, "{\"event\":3}");
    assertThat(intake.pollOnce(consumer)).isFalse();

    assertThat(committed()).isEqualTo(1);
    assertThat(consumer.position(P0)).isEqualTo(1);
    assertThat(intake.status().state()).isEqualTo("retrying");
    assertThat(intake.status().retries()).isEqualTo(1);
    assertThat(intake.status().lastError()).contains(TOPIC + "/0@1").contains("read again");

    journalDown = false;
    add(1, "{\"event\":2}"); // the broker delivers again from the position sought
    add(2, "{\"event\":3}");
    assertThat(intake.pollOnce(consumer)).isTrue();

    assertThat(committed()).isEqualTo(3);
    assertThat(accepted).containsExactly("{\"event\":1}", "{\"event\":2}", "{\"event\":3}");
    assertThat(intake.status().journaled()).isEqualTo(3);
    assertThat(intake.status().rejected()).isZero();
    assertThat(intake.status().state()).isEqualTo("consuming");
  }

  @Test
  void shouldCountAnEventTheJournalAlreadyHeldAsADuplicate() {
    KafkaIntake intake = intake(config(Map.of()));
    add(0, "{\"event\":1}");
    add(1, "{\"event\":1}");

    intake.pollOnce(consumer);

    assertThat(intake.status().journaled()).isEqualTo(1);
    assertThat(intake.status().duplicates()).isEqualTo(1);
    assertThat(committed()).isEqualTo(2);
  }

  @Test
  void shouldRejectWhatTheTopicsProducerMayNotWriteAndCheckItAsTheConfiguredProducer() {
    KafkaIntake intake =
        intake(
            new KafkaIntakeConfig(
                "localhost:9092",
                TOPIC,
                "tessera",
                "kafka-spark",
                List.of("sales"),
                List.of("s3://lake"),
                Duration.ofSeconds(2),
                Map.of()));
    add(0, "{\"claimed\":true}");
    add(1, "{\"event\":1}");

    intake.pollOnce(consumer);

    assertThat(committed()).isEqualTo(2);
    assertThat(intake.status().rejected()).isEqualTo(1);
    assertThat(intake.status().recentRejections().getFirst().reason())
        .contains("'kafka-spark' may not")
        .contains("producer for domain sales");
    assertThat(producers)
        .allSatisfy(
            p -> {
              assertThat(p.subject()).isEqualTo("kafka-spark");
              assertThat(p.roles()).containsExactly(Role.PRODUCER);
              assertThat(p.domains()).containsExactly("sales");
              assertThat(p.namespaces()).containsExactly("s3://lake");
            });
  }

  @Test
  void shouldKeepOnlyTheLatestRejections() {
    KafkaIntake intake = intake(config(Map.of()));
    for (int i = 0; i < KafkaIntakeTally.KEPT_REJECTIONS + 5; i++) {
      add(i, "garbage " + i);
    }

    intake.pollOnce(consumer);

    assertThat(intake.status().rejected()).isEqualTo(KafkaIntakeTally.KEPT_REJECTIONS + 5);
    assertThat(intake.status().recentRejections()).hasSize(KafkaIntakeTally.KEPT_REJECTIONS);
    assertThat(intake.status().recentRejections().getFirst().offset())
        .isEqualTo(KafkaIntakeTally.KEPT_REJECTIONS + 4);
  }

  @Test
  void shouldNeverAutoCommitAndShowPassThroughSettingsByNameOnly() {
    KafkaIntakeConfig config =
        config(
            Map.of(
                "enable.auto.commit", "true",
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", "PlainLoginModule required password=\"s3cret\";"));

    Properties settings = KafkaIntake.consumerSettings(config);

    assertThat(settings)
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")
        .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "tessera")
        .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    assertThat(config.toString()).doesNotContain("s3cret").contains("sasl.jaas.config");
    KafkaIntakeStatus status = intake(config).status();
    assertThat(status.properties())
        .containsExactly("enable.auto.commit", "sasl.jaas.config", "security.protocol");
    assertThat(status.toString()).doesNotContain("s3cret");
  }

  private static KafkaIntakeConfig config(Map<String, String> properties) {
    return new KafkaIntakeConfig(
        "localhost:9092", TOPIC, "tessera", "kafka", null, null, Duration.ofSeconds(2), properties);
  }
}
