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
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Compaction of the graph store while lineage is ingested and read over HTTP: compactions run while
 * events arrive and lineage is read, every read is answered, and every event accepted before,
 * during and after a compaction ends up in the lineage graph (a projection batch that waits for a
 * compaction is applied to the new files, not lost). The compactions are started by the test, so
 * they happen while the load runs whatever the machine's speed; when to compact automatically is
 * {@code GraphCompactionTest}'s subject.
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
    return TestServer.properties(
        "tessera-compaction-it",
        "tessera.graph.compact-check",
        "1h",
        "tessera.graph.compact-growth",
        "0");
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
  void shouldCompactWhileEventsArriveAndLineageIsReadAndKeepEveryEventAccepted()
      throws InterruptedException {
    List<String> jobs = new CopyOnWriteArrayList<>();
    List<Integer> readStatuses = new CopyOnWriteArrayList<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean running = new AtomicBoolean(true);
    http.accept(event(0));
    jobs.add("compacted_job_0");
    http.awaitAllProjected();
    Thread producer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 1; running.get() && i < 2_000; i++) {
                    try {
                      http.accept(event(i));
                      jobs.add("compacted_job_" + i);
                    } catch (Throwable e) {
                      failures.add(e);
                      return;
                    }
                  }
                });
    Thread reader =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (running.get()) {
                    try {
                      readStatuses.add(
                          http.send(
                                  "GET",
                                  "/api/v1/lineage?nodeId="
                                      + LineageHttp.q(job("compacted_job_0"))
                                      + "&depth=1&direction=both",
                                  null,
                                  Map.of())
                              .status());
                    } catch (Throwable e) {
                      failures.add(e);
                      return;
                    }
                  }
                });

    for (int round = 0; round < 3; round++) {
      waitForJobs(jobs, 40 * (round + 1));
      var before = compaction.last();
      compaction.compact();
      assertThat(compaction.last())
          .as("compaction %d done", round)
          .isPresent()
          .isNotEqualTo(before);
    }
    running.set(false);
    producer.join();
    reader.join();
    http.awaitAllProjected();

    assertThat(failures).isEmpty();
    assertThat(compaction.last().get().bytesAfter()).isPositive();
    assertThat(readStatuses).isNotEmpty().containsOnly(200);
    for (String name : jobs) {
      int i = Integer.parseInt(name.substring("compacted_job_".length()));
      assertThat(LineageHttp.nodesById(http.lineage(job(name), 1, "both")))
          .as(name)
          .containsKeys(
              job(name),
              "dataset:" + PaymentEvents.PG + ":compaction.source_" + i,
              "dataset:" + PaymentEvents.PG + ":compaction.target_" + i);
    }
  }

  private static Object event(int i) {
    return PaymentEvents.event(
        UUID.randomUUID().toString(),
        "2026-04-03T10:00:00Z",
        "compacted_job_" + i,
        List.of("compaction.source_" + i),
        List.of("compaction.target_" + i));
  }

  private static String job(String name) {
    return "job:" + PaymentEvents.JOB_NAMESPACE + ":" + name;
  }

  private static void waitForJobs(List<String> jobs, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (jobs.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
