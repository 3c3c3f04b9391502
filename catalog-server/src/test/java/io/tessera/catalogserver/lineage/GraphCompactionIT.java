package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.wiring.GraphCompaction;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scheduled compaction of the graph store while lineage is ingested and read over HTTP: with {@code
 * tessera.graph.compact-every} set, the store is compacted and keeps answering.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphCompactionIT implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject GraphCompaction compaction;

  private LineageHttp http;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-compaction-it", "tessera.graph.compact-every", "2s");
  }

  @BeforeAll
  void connect() {
    http = new LineageHttp(server.getURI(), projection);
  }

  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  @Test
  void shouldCompactTheStoreOnScheduleAndKeepServingLineage() throws InterruptedException {
    String runId = "0d9c8b7a-6f5e-4d3c-8b2a-3f0e9d8c7b";
    for (int i = 10; i < 30; i++) {
      http.accept(
          PaymentEvents.event(
              runId + i,
              "2026-04-03T10:" + i + ":00Z",
              "compacted_job",
              List.of("compaction.source"),
              List.of("compaction.target")));
    }
    http.awaitAllProjected();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (compaction.last().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    assertThat(compaction.last()).isPresent();
    assertThat(compaction.last().get().bytesAfter()).isPositive();
    String job = "job:" + PaymentEvents.JOB_NAMESPACE + ":compacted_job";
    assertThat(LineageHttp.nodesById(http.lineage(job, 1, "both")))
        .containsKeys(
            job,
            "dataset:" + PaymentEvents.PG + ":compaction.source",
            "dataset:" + PaymentEvents.PG + ":compaction.target");
  }
}
