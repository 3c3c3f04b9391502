package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.Direction;
import io.tessera.lineage.LineageProjection;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * While events stream in, the projection yields to the requests but only up to its backlog bound:
 * it still advances during a continuous stream, new events wait for room while the backlog is at
 * its bound, and it catches up with every acknowledged event once the stream ends.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionBacklogIT implements TestPropertyProvider {
  private static final int MAX_BACKLOG = 50;
  private static final int CLIENTS = 4;
  private static final int JOBS = 10;
  private static final int STREAM_EVENTS = 6 * MAX_BACKLOG;
  private static final Duration STREAM_DEADLINE = Duration.ofSeconds(90);

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject LineageQueries queries;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-projection-backlog-it",
        "tessera.lineage.projection.max-backlog",
        String.valueOf(MAX_BACKLOG));
  }

  @Test
  void shouldKeepProjectingDuringAStreamAndCatchUpAfterIt() throws Exception {
    LineageHttp http = new LineageHttp(server.getURI(), projection);
    AtomicBoolean streaming = new AtomicBoolean(true);
    AtomicLong lastId = new AtomicLong();
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      running.add(
          clients.submit(
              () -> {
                while (streaming.get()) {
                  int n = accepted.get();
                  String job = "stream_job_" + (n % JOBS);
                  LineageHttp.Reply reply =
                      http.post(
                          PaymentEvents.event(
                                  UUID.randomUUID().toString(),
                                  Instant.parse("2026-05-01T00:00:00Z").plusSeconds(n).toString(),
                                  job,
                                  List.of("stream.in_" + (n % JOBS)),
                                  List.of("stream.out_" + (n % JOBS)))
                              .toString());
                  assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                  lastId.accumulateAndGet(reply.json().path("id").asLong(), Math::max);
                  accepted.incrementAndGet();
                }
                return null;
              }));
    }
    long advancedAt = -1;
    long largestBacklog = 0;
    long deadline = System.nanoTime() + STREAM_DEADLINE.toNanos();
    try {
      // events keep arriving: once the backlog has passed its bound the projection must advance,
      // and new events wait for room, so the backlog never grows much past its bound
      while (System.nanoTime() < deadline) {
        LineageProjection.Status status = projection.status();
        largestBacklog = Math.max(largestBacklog, status.journal() - status.projected());
        if (status.projected() > 0 && lastId.get() > status.projected()) {
          advancedAt = status.projected();
        }
        if (advancedAt > 0 && accepted.get() >= STREAM_EVENTS) {
          break;
        }
        Thread.sleep(20);
      }
    } finally {
      streaming.set(false);
      for (Future<?> f : running) {
        f.get();
      }
      clients.shutdown();
    }
    assertThat(advancedAt).as("projected position while the stream was running").isPositive();
    // each client passes the check for room before its event is appended: at most one each beyond
    assertThat(largestBacklog)
        .as("largest backlog seen")
        .isLessThanOrEqualTo(MAX_BACKLOG + CLIENTS);

    assertThat(projection.awaitProjected(lastId.get(), LineageHttp.PROJECTION_DEADLINE)).isTrue();
    LineageProjection.Status status = projection.status();
    assertThat(status.projected()).isEqualTo(status.journal());
    assertThat(status.failures()).isZero();
    for (int j = 0; j < JOBS && j < accepted.get(); j++) {
      var graph =
          queries.lineage(
              NodeId.job(PaymentEvents.JOB_NAMESPACE, "stream_job_" + j), 1, Direction.BOTH);
      assertThat(graph.graph()).hasSize(3);
    }
  }
}
