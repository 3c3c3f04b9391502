package io.tessera.catalogserver.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings of the OpenLineage intake from Kafka ({@code tessera.lineage.kafka.*}); off unless
 * {@code bootstrap-servers} is set.
 *
 * @param bootstrapServers the brokers, {@code host:port,…} ({@code
 *     TESSERA_LINEAGE_KAFKA_BOOTSTRAP_SERVERS})
 * @param topic the topic the OpenLineage clients' Kafka transport writes to ({@code topicName} in
 *     their configuration; OpenLineage's documentation uses {@code openlineage.events})
 * @param groupId the consumer group; every node of one catalog uses the same, so that the nodes
 *     split the topic's partitions
 * @param producer the subject the events are recorded as posted by ({@code posted_by} in the
 *     journal, and who {@code GET /api/v1/events/lineage} lists them for)
 * @param domains the domains the topic's producer writes for; with {@code namespaces}, empty (the
 *     default) makes it platform-wide: any dataset, like a producer token without scope
 * @param namespaces the OpenLineage dataset namespaces the topic's producer writes, whoever claims
 *     their datasets
 * @param maxBackoff the longest wait between two tries when the journal does not accept events (the
 *     wait doubles from one second up to it)
 * @param properties further Kafka consumer settings passed as they are ({@code security.protocol},
 *     {@code sasl.mechanism}, {@code sasl.jaas.config}, {@code ssl.*}, {@code max.poll.records}…);
 *     their values are never logged nor shown, only their names
 */
@ConfigurationProperties("tessera.lineage.kafka")
public record KafkaIntakeConfig(
    @Nullable String bootstrapServers,
    @Bindable(defaultValue = "openlineage.events") String topic,
    @Bindable(defaultValue = "tessera") String groupId,
    @Bindable(defaultValue = "kafka") String producer,
    @Nullable List<String> domains,
    @Nullable List<String> namespaces,
    @Bindable(defaultValue = "PT30S") Duration maxBackoff,
    @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
        Map<String, String> properties) {

  public KafkaIntakeConfig {
    bootstrapServers = bootstrapServers == null ? null : bootstrapServers.strip();
    domains = clean(domains);
    namespaces = clean(namespaces);
    properties = properties == null ? Map.of() : Map.copyOf(new TreeMap<>(properties));
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("tessera.lineage.kafka.topic must not be blank");
    }
    if (groupId == null || groupId.isBlank()) {
      throw new IllegalArgumentException("tessera.lineage.kafka.group-id must not be blank");
    }
    if (producer == null || producer.isBlank()) {
      throw new IllegalArgumentException("tessera.lineage.kafka.producer must not be blank");
    }
    producer = producer.strip();
    if (maxBackoff == null || maxBackoff.compareTo(Duration.ofSeconds(1)) < 0) {
      maxBackoff = Duration.ofSeconds(1);
    }
  }

  /** Whether brokers are configured. */
  public boolean enabled() {
    return bootstrapServers != null && !bootstrapServers.isBlank();
  }

  /**
   * The principal the topic's events are checked and recorded as: a producer with the configured
   * domains and namespaces, so {@code tessera.security.producers.unowned} applies to it as to any
   * producer token with that scope.
   */
  public Principal principal() {
    return new Principal(
        producer, Set.of(Role.PRODUCER), Set.copyOf(domains), Map.of(), Set.copyOf(namespaces));
  }

  /** The names of the pass-through settings (never their values, which may be secrets). */
  public Set<String> propertyNames() {
    return new java.util.TreeSet<>(properties.keySet());
  }

  @Override
  public String toString() {
    return "KafkaIntakeConfig[bootstrapServers="
        + bootstrapServers
        + ", topic="
        + topic
        + ", groupId="
        + groupId
        + ", producer="
        + producer
        + ", properties="
        + propertyNames()
        + "]";
  }

  private static List<String> clean(List<String> values) {
    if (values == null) {
      return List.of();
    }
    Set<String> kept = new LinkedHashSet<>();
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        kept.add(v.strip());
      }
    }
    return List.copyOf(kept);
  }
}
