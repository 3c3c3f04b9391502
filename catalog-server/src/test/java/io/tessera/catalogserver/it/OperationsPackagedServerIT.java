package io.tessera.catalogserver.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.serverprocess.ServerProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it, for what its output says: with {@code
 * TESSERA_LOG_FORMAT=json} every line of standard output is one JSON object; by default every line
 * starts with an ISO-8601 timestamp; and a normal stop (SIGTERM) after lineage was posted, several
 * times in a row on the same data directory, logs no error, no stack trace and no "already closed".
 */
class OperationsPackagedServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_DEADLINE = Duration.ofSeconds(180);
  private static final Path MODULE_DIR =
      Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path JAR = MODULE_DIR.resolve("target/catalog-server.jar");
  private static final Path LOGS = MODULE_DIR.resolve("target/operations-packaged-it");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  @TempDir Path dataDir;

  @BeforeAll
  static void jarIsBuilt() {
    assertThat(JAR)
        .as("the fat jar %s is missing: run `./mvnw -pl catalog-server -am package` first", JAR)
        .isRegularFile();
  }

  @Test
  void shouldWriteOneJsonObjectPerLineWhenTheLogFormatIsJson() throws Exception {
    Path log = LOGS.resolve("json.log");
    try (ServerProcess server =
        ServerProcess.builder(JAR, log)
            .dataDir(dataDir)
            .environment("TESSERA_ADMIN_TOKEN", TestCredentials.ADMIN_TOKEN)
            .environment("TESSERA_LOG_FORMAT", "json")
            .start(START_DEADLINE)) {
      postLineage(server, "json-job");
      server.stop();
    }

    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = JSON.readTree(line);
      assertThat(event.isObject()).as(line).isTrue();
      assertThat(Instant.parse(event.path("timestamp").asText())).as(line).isNotNull();
      assertThat(event.path("level").asText()).as(line).isIn(LEVELS);
      assertThat(event.path("logger").asText()).as(line).isNotBlank();
      assertThat(event.path("thread").asText()).as(line).isNotBlank();
      assertThat(event.has("message")).as(line).isTrue();
      lines.add(event);
    }
    assertThat(lines)
        .anySatisfy(
            e -> {
              assertThat(e.path("logger").asText()).isEqualTo("io.micronaut.runtime.Micronaut");
              assertThat(e.path("message").asText()).contains("Startup completed");
            });
    assertThat(lines).noneSatisfy(e -> assertThat(e.path("level").asText()).isEqualTo("ERROR"));
  }

  @Test
  void shouldLogAsTextAndSaySoWhenTheLogFormatIsMisspelt() throws Exception {
    Path log = LOGS.resolve("misspelt.log");
    try (ServerProcess server =
        ServerProcess.builder(JAR, log)
            .dataDir(dataDir)
            .environment("TESSERA_ADMIN_TOKEN", TestCredentials.ADMIN_TOKEN)
            .environment("TESSERA_LOG_FORMAT", "jsno")
            .start(START_DEADLINE)) {
      server.stop();
    }

    List<String> lines =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines.getFirst())
        .isEqualTo("TESSERA_LOG_FORMAT 'jsno' is not text or json: logging as text");
    assertThat(lines.subList(1, lines.size()))
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(OffsetDateTime.parse(line.substring(0, line.indexOf(' ')))).isNotNull())
        .anySatisfy(line -> assertThat(line).contains("Startup completed"));
  }

  @Test
  void shouldStopCleanlyAfterLineageAgainAndAgain() throws Exception {
    for (int stop = 1; stop <= 3; stop++) {
      Path log = LOGS.resolve("stop-" + stop + ".log");
      try (ServerProcess server =
          ServerProcess.builder(JAR, log)
              .dataDir(dataDir)
              .environment("TESSERA_ADMIN_TOKEN", TestCredentials.ADMIN_TOKEN)
              .start(START_DEADLINE)) {
        for (int job = 0; job < 3; job++) {
          postLineage(server, "stop-" + stop + "-job-" + job);
        }
        server.stop();
      }

      List<String> lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList();
      String where = log.toString();
      assertThat(lines).as(where).isNotEmpty();
      for (String line : lines) {
        assertThat(OffsetDateTime.parse(line.substring(0, line.indexOf(' '))))
            .as("%s: every line starts with an ISO-8601 timestamp: %s", where, line)
            .isNotNull();
        assertThat(line.split(" ", 3)[1]).as("%s: %s", where, line).isNotEqualTo("ERROR");
      }
      String output = String.join("\n", lines);
      assertThat(output)
          .as(where)
          .doesNotContain("already closed", "Exception", "\tat ")
          .contains("background work stopped")
          .contains("HikariPool-1 - Shutdown completed");
    }
  }

  private static void postLineage(ServerProcess server, String job) throws Exception {
    String event =
        JSON.writeValueAsString(
            JSON.createObjectNode()
                .put("eventType", "COMPLETE")
                .put("eventTime", Instant.now().toString())
                .put("producer", "https://example.org/operations-it")
                .put(
                    "schemaURL",
                    "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent")
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                    "run", JSON.createObjectNode().put("runId", UUID.randomUUID().toString()))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                    "job", JSON.createObjectNode().put("namespace", "ops-it").put("name", job))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                    "inputs",
                    JSON.createArrayNode()
                        .add(
                            JSON.createObjectNode()
                                .put("namespace", "postgres://ops:5432")
                                .put("name", "shop.public.orders")))
                .set(
                    "outputs",
                    JSON.createArrayNode()
                        .add(
                            JSON.createObjectNode()
                                .put("namespace", "postgres://ops:5432")
                                .put("name", "shop.public." + job.replace('-', '_')))));
    HttpResponse<String> posted =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/lineage"))
                .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
  }
}
