package io.tessera.catalogserver.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.serverprocess.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a 201 promises, with the packaged jar ({@code target/catalog-server.jar}) as an operator
 * runs it, with no durability setting: H2 commits are forced to disk by default (the health details
 * say so, and count syncs as events are accepted); four clients post events and a descriptor is
 * applied, the process is killed with SIGKILL right after the last 201, and after a restart on the
 * same data directory every acknowledged event is in the journal and the descriptor in the catalog.
 * A kill keeps the operating system's cache, so this cannot tell an fsync from none (a power loss
 * would): the sync count is what shows that the commits were forced.
 */
class DurableAcknowledgementCrashIT {
  private static final Logger LOG = LoggerFactory.getLogger(DurableAcknowledgementCrashIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final Path MODULE_DIR =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JAR = MODULE_DIR.resolve("target/catalog-server.jar");
  private static final Path LOGS = MODULE_DIR.resolve("target/durable-acknowledgement-crash-it");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dataDir;
  static ServerProcess server;

  @BeforeAll
  static void requireJar() {
    assertThat(JAR).as("the fat jar is missing: run package first").isRegularFile();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void shouldKeepEveryAcknowledgedWriteWhenKilledRightAfterTheLast201() throws Exception {
    server = start("before-kill");
    String before = server.baseUri().toString();
    JsonNode durability = health(before).findPath("durability");
    assertThat(durability.path("fsync").asBoolean()).as("fsync is on by default").isTrue();
    long syncsBefore = durability.path("syncs").asLong();

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<?>> clients = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int t = 0; t < 4; t++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 60 && !stop.get(); i++) {
                    String runId = UUID.randomUUID().toString();
                    HttpResponse<String> r = post(before, "/api/v1/lineage", event(runId), "json");
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                    acknowledged.add(runId);
                  }
                  return null;
                }));
      }
      for (Future<?> c : clients) {
        c.get();
      }
    }
    long syncsAfter = health(before).findPath("durability").path("syncs").asLong();
    assertThat(syncsAfter).as("commits forced to disk while accepting").isGreaterThan(syncsBefore);
    HttpResponse<String> applied =
        post(
            before,
            "/api/v1/descriptors",
            """
            apiVersion: tessera/v1
            kind: Domain
            metadata:
              name: durable
            spec:
              title: Durable
              description: Applied right before the kill.
              owner: mailto:domain-owner@example.com
            """,
            "yaml");
    assertThat(applied.statusCode()).as(applied.body()).isIn(200, 201);
    long pid = server.pid();
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertThat(process.destroyForcibly()).isTrue(); // SIGKILL right after the last answer
    process.onExit().get();
    LOG.info("killed the server (pid {}) after {} acknowledged events", pid, acknowledged.size());

    server = start("after-kill");
    String base = server.baseUri().toString();
    Set<String> journalled = ConcurrentHashMap.newKeySet();
    JsonNode listed = get(base, "/api/v1/events/lineage?limit=1000");
    assertThat(listed.path("totalCount").asLong()).isEqualTo(acknowledged.size());
    for (JsonNode e : listed.path("events")) {
      journalled.add(e.path("run").path("runId").asText());
    }
    assertThat(journalled).containsAll(acknowledged);
    assertThat(acknowledged).hasSize(240);
    HttpResponse<String> domain = call(base, "GET", "/api/v1/domains/durable", null, null);
    assertThat(domain.statusCode()).as(domain.body()).isEqualTo(200);
  }

  private static String event(String runId) {
    return """
        {"eventType":"COMPLETE","eventTime":"2026-11-21T10:00:00Z",\
        "producer":"https://example.com/tessera-tests/durable",\
        "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",\
        "run":{"runId":"%s"},"job":{"namespace":"durable-tests","name":"job"},\
        "inputs":[{"namespace":"durable-tests","name":"in"}],\
        "outputs":[{"namespace":"durable-tests","name":"out"}]}"""
        .formatted(runId);
  }

  private static JsonNode health(String base) throws Exception {
    return get(base, "/health");
  }

  private static JsonNode get(String base, String path) throws Exception {
    HttpResponse<String> r = call(base, "GET", path, null, null);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> post(String base, String path, String body, String type)
      throws Exception {
    return call(base, "POST", path, body, "application/" + type);
  }

  private static HttpResponse<String> call(
      String base, String method, String path, String body, String type) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + ADMIN)
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ServerProcess start(String label) throws Exception {
    return ServerProcess.builder(JAR, LOGS.resolve(label + ".log"))
        .dataDir(dataDir)
        .environment("TESSERA_DEMO", "false")
        .environment("TESSERA_ADMIN_TOKEN", ADMIN)
        .start(Duration.ofSeconds(180));
  }
}
