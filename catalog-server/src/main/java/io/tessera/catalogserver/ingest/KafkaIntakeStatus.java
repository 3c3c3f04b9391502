package io.tessera.catalogserver.ingest;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Kafka intake as this node sees it ({@code GET /api/v1/admin/lineage/kafka}, admins only, and
 * the admin details of {@code /health}). No setting's value but the brokers, topic, group and
 * producer is shown: pass-through settings by name only.
 *
 * @param enabled whether {@code tessera.lineage.kafka.bootstrap-servers} is set
 * @param state {@code disabled}, {@code starting}, {@code consuming}, {@code retrying} (the journal
 *     or the broker refused; the records are read again after a wait) or {@code stopped}
 * @param assigned the partitions this node consumes now (the group splits them across nodes), with
 *     how far this node is behind each one's end when the client knows it
 * @param consumed records read (a record read again after a retry counts again)
 * @param journaled events appended to the journal
 * @param duplicates events the journal already held (same identity), not appended again
 * @param rejected records skipped as not an OpenLineage event, or refused to the topic's producer;
 *     their offsets are committed
 * @param retries waits after the journal (or the broker) could not take a batch
 * @param lastError the last failure, without record contents
 * @param recentRejections the latest rejected records (at most {@value
 *     KafkaIntake#KEPT_REJECTIONS}), newest first
 */
@Serdeable
public record KafkaIntakeStatus(
    boolean enabled,
    String state,
    String bootstrapServers,
    String topic,
    String groupId,
    String producer,
    Set<String> properties,
    List<Partition> assigned,
    long consumed,
    long journaled,
    long duplicates,
    long rejected,
    long retries,
    String lastError,
    Instant lastErrorAt,
    List<Rejection> recentRejections) {

  /** The status of a node where the intake is off. */
  public static KafkaIntakeStatus disabled() {
    return new KafkaIntakeStatus(
        false,
        "disabled",
        null,
        null,
        null,
        null,
        Set.of(),
        List.of(),
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        List.of());
  }

  /**
   * One assigned partition.
   *
   * @param lag records between this node's position and the partition's end, or null when unknown
   */
  @Serdeable
  public record Partition(String topic, int partition, Long lag) {}

  /**
   * A skipped record: where it was and why, never its contents.
   *
   * @param reason what was wrong: the fields that failed validation, or what the producer may not
   *     write
   */
  @Serdeable
  public record Rejection(String topic, int partition, long offset, String reason, Instant at) {}
}
