package io.tessera.catalogserver.metrics;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.tessera.catalogserver.cluster.Leadership;
import io.tessera.catalogserver.ingest.KafkaIntake;
import io.tessera.catalogserver.ingest.KafkaIntakeStatus;
import io.tessera.catalogserver.persistence.DurableCommits;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.IndexStatus;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The catalog's own components in {@code /health} ({@code security/AdminHealthEndpoint} shows the
 * details to admins only; the database is Micronaut's {@code jdbc} indicator beside it): the graph
 * store (its revision, read in a transaction, so a store that cannot be read is {@code DOWN}), the
 * search index (revision, documents, how far behind the graph, rebuilding), the lineage projection
 * (journal head, projected position, lag, failures, rebuilding), the OpenLineage intake from Kafka
 * when it is on ({@code lineageKafka}: state, partitions, counts, last error), whether H2 commits
 * are forced to disk and how often they were ({@code durability}), this node among others ({@code
 * cluster}: its id, whether it is the elected leader, the database kind), and the catch-up
 * readiness that {@code /health/readiness} answers with. Only the graph store decides the status:
 * an index or a projection catching up is reported, not a failure.
 */
@Singleton
public class CatalogHealth implements HealthIndicator {
  /** The indicator's name in the health answer. */
  public static final String NAME = "catalog-components";

  private static final Logger LOG = LoggerFactory.getLogger(CatalogHealth.class);

  private final GraphStore graph;
  private final SearchIndex index;
  private final LineageProjection projection;
  private final CatchUpReadiness readiness;
  private final DurableCommits durability;
  private final Optional<KafkaIntake> kafka;
  private final Leadership leadership;

  public CatalogHealth(
      GraphStore graph,
      SearchIndex index,
      LineageProjection projection,
      CatchUpReadiness readiness,
      DurableCommits durability,
      Optional<KafkaIntake> kafka,
      Leadership leadership) {
    this.kafka = kafka;
    this.leadership = leadership;
    this.graph = graph;
    this.index = index;
    this.projection = projection;
    this.readiness = readiness;
    this.durability = durability;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.fromCallable(this::result);
  }

  private HealthResult result() {
    Map<String, Object> details = new LinkedHashMap<>();
    HealthStatus status = HealthStatus.UP;
    long revision = -1;
    try {
      revision = graph.revision();
      details.put("graphStore", Map.of("status", "UP", "revision", revision));
    } catch (RuntimeException e) {
      LOG.warn("the graph store cannot be read", e);
      status = HealthStatus.DOWN;
      details.put("graphStore", Map.of("status", "DOWN", "error", String.valueOf(e.getMessage())));
    }
    IndexStatus search = index.status();
    Map<String, Object> searchDetails = new LinkedHashMap<>();
    searchDetails.put("revision", search.revision());
    searchDetails.put("documents", search.documents());
    searchDetails.put(
        "revisionsBehind", revision < 0 ? null : Math.max(0, revision - search.revision()));
    searchDetails.put("pending", search.pending());
    searchDetails.put("rebuilding", search.rebuilding());
    details.put("searchIndex", searchDetails);
    try {
      LineageProjection.Status lineage = projection.status();
      details.put(
          "lineageProjection",
          Map.of(
              "journal", lineage.journal(),
              "projected", lineage.projected(),
              "lag", Math.max(0, lineage.journal() - lineage.projected()),
              "lagMillis", lineage.lagMillis(),
              "failures", lineage.failures(),
              "rebuilding", lineage.rebuilding()));
    } catch (RuntimeException e) {
      // the journal is out of reach with the database: reported by the jdbc indicator and by
      // readiness; this node still serves reads from its graph and index
      details.put("lineageProjection", Map.of("journal", "unreachable"));
    }
    kafka.ifPresent(intake -> details.put("lineageKafka", kafkaDetails(intake.status())));
    details.put("durability", Map.of("fsync", durability.enabled(), "syncs", durability.syncs()));
    Leadership.Status node = leadership.status();
    details.put(
        "cluster",
        Map.of("nodeId", node.nodeId(), "leader", node.leader(), "database", node.database()));
    CatchUpReadiness.Check ready = readiness.check();
    Map<String, Object> readyDetails = new LinkedHashMap<>();
    readyDetails.put("ready", ready.ready());
    if (ready.details().containsKey("waitingFor")) {
      readyDetails.put("waitingFor", ready.details().get("waitingFor"));
    }
    details.put("readiness", readyDetails);
    return HealthResult.builder(NAME, status).details(details).build();
  }

  private static Map<String, Object> kafkaDetails(KafkaIntakeStatus kafka) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("state", kafka.state());
    details.put("topic", kafka.topic());
    details.put("groupId", kafka.groupId());
    details.put(
        "assigned",
        kafka.assigned().stream()
            .map(p -> p.partition() + (p.lag() == null ? "" : " (lag " + p.lag() + ")"))
            .toList());
    details.put("journaled", kafka.journaled());
    details.put("duplicates", kafka.duplicates());
    details.put("rejected", kafka.rejected());
    details.put("retries", kafka.retries());
    if (kafka.lastError() != null) {
      details.put("lastError", kafka.lastError());
    }
    return details;
  }
}
