package io.tessera.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the harness end to end on size S in smoke mode against the packaged server jar: every metric
 * is reported with a sane value and the server holds exactly what was generated. No timing is
 * asserted.
 */
class HarnessSmokeIT {
  private static final List<String> METRICS =
      List.of(
          "load: descriptor apply",
          "load: OpenLineage events posted (8 clients)",
          "load: projection and index catch-up after the last event",
          "start-up to healthy",
          "restart on the loaded data directory",
          "descriptor apply",
          "OpenLineage ingest, 1 client(s), fsync off",
          "OpenLineage ingest, 4 client(s), fsync off p50",
          "OpenLineage ingest, 8 client(s), fsync off p99",
          "OpenLineage ingest, 1 client(s), fsync on",
          "OpenLineage ingest, 4 client(s), fsync on p95",
          "OpenLineage ingest, 8 client(s), fsync on p99",
          "lineage projection catch-up after the measured ingest",
          "lineage upstream depth 1 p50",
          "lineage upstream depth 5 from chain ends p50",
          "lineage downstream depth 5 from hubs p95",
          "lineage both depth 20 from random datasets p99",
          "search p50",
          "search p95",
          "search p99",
          "search vs bare terms p50",
          "suggest p50",
          "suggest p99",
          "product read (REST) p50",
          "GraphQL product page p50",
          "search, consumer under 100 policies p50",
          "suggest, consumer under 100 policies p95",
          "GraphQL product page, consumer under 100 policies p50",
          "HTTP minimal (GET /health) p50",
          "heap after load (live, after GC)",
          "resident memory after load",
          "data directory after load",
          "data on disk per 1k datasets: H2 (journal)",
          "data on disk per 1k datasets: TDB2 (graph)",
          "data on disk per 1k datasets: Lucene (index)");

  @TempDir Path out;

  @Test
  void shouldMeasureEveryMetricAfterLoadingExactlyTheGeneratedMesh() throws Exception {
    BenchOptions options =
        new BenchOptions(
            MeshSize.S,
            42,
            out,
            // a deadline, not a duration: on a quiet machine the run takes 2-4 minutes; on a
            // shared one the two restarts and the catch-ups need the room
            20,
            packagedJar(),
            Path.of(System.getProperty("java.home")),
            true,
            List.of(),
            false,
            null,
            false);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    Report report =
        new Harness(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

    Map<String, Report.Row> rows =
        report.rows().stream().collect(Collectors.toMap(Report.Row::metric, Function.identity()));
    assertThat(rows).containsKeys(METRICS.toArray(String[]::new));
    for (Report.Row row : report.rows()) {
      boolean graphqlAbsent = row.metric().startsWith("GraphQL") && row.tessera() == null;
      if (!graphqlAbsent) {
        assertThat(row.tessera()).as(row.metric()).isNotNull().isPositive();
      }
      if (row.floor() != null) {
        assertThat(row.floor()).as(row.metric() + " floor").isPositive();
      }
      if (row.floor() != null && row.tessera() != null) {
        assertThat(row.ratio()).as(row.metric() + " ratio").isNotNull().isPositive();
      }
    }
    for (String floored :
        List.of(
            "descriptor apply",
            "OpenLineage ingest, 4 client(s), fsync on",
            "lineage both depth 5 from hubs p50",
            "search p50",
            "suggest p99",
            "suggest, consumer under 100 policies p50",
            "restart on the loaded data directory")) {
      assertThat(rows.get(floored).floor()).as(floored).isNotNull();
    }

    MeshManifest mesh = MeshGenerator.readManifest(out.resolve("mesh-S-42"));
    JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode loaded = json.path("loaded");
    assertThat(loaded.path("productsCreated").asInt()).isEqualTo(mesh.products());
    assertThat(loaded.path("eventsPosted").asLong()).isEqualTo(mesh.events());
    assertThat(loaded.path("journal").asLong()).isEqualTo(mesh.events());
    assertThat(loaded.path("projected").asLong()).isEqualTo(mesh.events());
    assertThat(loaded.path("lineageFailures").asInt()).isZero();
    JsonNode restart = loaded.path("indexAtRestart");
    assertThat(restart.path("rebuilding").asBoolean(true) || restart.path("rebuilds").asInt(1) > 0)
        .as("the restart on the loaded data directory reuses the index: " + restart)
        .isFalse();
    assertThat(loaded.path("policiesStatus").asInt())
        .as("the 100 policies are accepted")
        .isEqualTo(200);
    assertThat(loaded.path("domainsIndexed").asInt()).isEqualTo(mesh.domains());
    assertThat(loaded.path("productsIndexed").asInt()).isEqualTo(mesh.products());
    assertThat(loaded.path("jobsIndexed").asInt()).isEqualTo(mesh.jobs());
    // every dataset of the stream, plus the two each planned product promises
    assertThat(loaded.path("datasetsIndexed").asInt())
        .isEqualTo(mesh.datasets() + 2 * mesh.plannedProducts());
    assertThat(json.path("metrics")).hasSize(report.rows().size());
    assertThat(Files.readString(out.resolve("report.md"))).contains("| search p95 | ms |");
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("load: posting", "measure: OpenLineage ingest, fsync off");
  }

  /** The jar the reactor packaged before this module (catalog-server precedes bench). */
  private static Path packagedJar() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path jar = dir.resolve("catalog-server/target/catalog-server.jar");
      if (Files.isRegularFile(jar)) {
        return jar;
      }
    }
    throw new IllegalStateException(
        "catalog-server/target/catalog-server.jar not found: package catalog-server first");
  }
}
