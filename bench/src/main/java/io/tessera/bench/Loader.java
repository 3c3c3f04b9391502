package io.tessera.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Loads a generated mesh into the server while measuring: descriptor apply (one request per
 * descriptor file), then the OpenLineage stream at 1, 4 and 8 clients, the rest unmeasured; each
 * measured series is repeated against the no-op floor with the same bodies and the same client.
 * Then waits for the lineage projection and the search index to catch up, and counts what the
 * server holds.
 */
final class Loader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int[] CLIENTS = {1, 4, 8};

  private final HttpLoad load;
  private final URI server;
  private final URI noop;
  private final BenchOptions options;
  private final PrintStream progress;

  Loader(HttpLoad load, URI server, URI noop, BenchOptions options, PrintStream progress) {
    this.load = load;
    this.server = server;
    this.noop = noop;
    this.options = options;
    this.progress = progress;
  }

  /** Domains, then product files in order (bounded by {@code deadline}), then policies. */
  void apply(MeshManifest mesh, Path dir, Report report, Measurements m, Deadline deadline)
      throws IOException, InterruptedException {
    HttpResponse<String> domains = post(server, dir.resolve(mesh.domainFile()));
    require(domains, "applying the domains");
    int created = 0;
    int files = 0;
    long[] nanos = new long[mesh.descriptorFiles().size()];
    long t0 = System.nanoTime();
    for (String file : mesh.descriptorFiles()) {
      if (deadline.passed()) {
        report.note("descriptor apply stopped by the budget after " + files + " files");
        break;
      }
      long t = System.nanoTime();
      HttpResponse<String> r = post(server, dir.resolve(file));
      nanos[files++] = System.nanoTime() - t;
      require(r, "applying " + file);
      for (JsonNode result : JSON.readTree(r.body()).path("results")) {
        if ("created".equals(result.path("status").asText())) {
          created++;
        }
      }
      if (files % 20 == 0 || files == mesh.descriptorFiles().size()) {
        progress.printf(
            "  applied %,d of %,d descriptor files (%,d products)%n",
            files, mesh.descriptorFiles().size(), created);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Series apply =
        Series.of(
            "apply", 1, java.util.Arrays.copyOf(nanos, files), seconds, Map.of("201/200", files));
    m.tessera.put("apply", apply);
    report.series(apply);
    m.values.put("apply-products", (double) created);
    report.loaded("productsCreated", created);
    report.loaded("descriptorFilesApplied", files);
    // floor: the same bodies to the no-op server, same client
    List<String> applied = mesh.descriptorFiles().subList(0, files);
    int[] next = {0};
    Supplier<HttpRequest> bodies =
        () -> {
          synchronized (next) {
            return next[0] < applied.size()
                ? postRequest(
                    noop,
                    "/api/v1/descriptors",
                    "application/yaml",
                    read(dir.resolve(applied.get(next[0]++))))
                : null;
          }
        };
    Series floor = load.run("apply (no-op floor)", 1, bodies, Deadline.in(600));
    m.floor.put("apply", floor);
    report.series(floor);
    // policies: their format may not be known to this server; report, do not fail
    HttpResponse<String> policies = post(server, dir.resolve(mesh.policyFile()));
    report.loaded("policiesStatus", policies.statusCode());
    if (policies.statusCode() >= 300) {
      report.note(
          "policy descriptors answered "
              + policies.statusCode()
              + ": "
              + abbreviate(policies.body(), 200));
    }
    progress.printf("  policies: HTTP %d%n", policies.statusCode());
  }

  /** The event stream: a measured phase per client count, then the rest unmeasured. */
  void ingest(MeshManifest mesh, Path dir, Report report, Measurements m, Deadline budget)
      throws IOException {
    Path events = dir.resolve(mesh.eventsFile());
    long perPhase =
        Math.max(1, Math.min(options.eventsPerPhase(), mesh.events() / (CLIENTS.length + 1)));
    try (Lines lines = new Lines(events)) {
      for (int clients : CLIENTS) {
        Deadline phase = budget.within(budget.remainingSeconds() * 0.12);
        Series s = load.run("ingest " + clients, clients, lines.requests(server, perPhase), phase);
        m.tessera.put("ingest-" + clients, s);
        report.series(s);
        progress.printf(
            "  ingest, %d client(s): %,d events, %.0f events/s, p50 %.1f ms, p99 %.1f ms %s%n",
            clients, s.count(), s.perSecond(), s.p50Ms(), s.p99Ms(), s.statuses());
      }
      Deadline rest = budget.within(budget.remainingSeconds() * 0.3);
      Series remainder = load.run("ingest rest", 8, lines.requests(server, Long.MAX_VALUE), rest);
      report.series(remainder);
      report.loaded("eventsPosted", lines.taken());
      if (lines.taken() < mesh.events()) {
        report.note(
            String.format("the budget allowed %,d of %,d events", lines.taken(), mesh.events()));
      }
      progress.printf("  posted %,d of %,d events%n", lines.taken(), mesh.events());
    }
    try (Lines lines = new Lines(events)) {
      for (int clients : CLIENTS) {
        long count = m.tessera.get("ingest-" + clients).count();
        Series f =
            load.run(
                "ingest " + clients + " (no-op floor)",
                clients,
                lines.requests(noop, count),
                budget.within(60));
        m.floor.put("ingest-" + clients, f);
        report.series(f);
      }
    }
  }

  /** Waits until the projection has every journaled event and the index has every revision. */
  void awaitCaughtUp(Report report, Measurements m, Deadline deadline)
      throws IOException, InterruptedException {
    progress.println("  waiting for the lineage projection and the search index to catch up");
    long t0 = System.nanoTime();
    JsonNode lineage = null;
    JsonNode search = null;
    while (!deadline.passed()) {
      lineage = get("/api/v1/admin/lineage/status");
      search = get("/api/v1/search/status");
      boolean projected = lineage.path("projected").asLong() >= lineage.path("journal").asLong();
      boolean indexed =
          search.path("revision").asLong() >= search.path("graphRevision").asLong()
              && search.path("pending").asInt() == 0
              && !search.path("rebuilding").asBoolean();
      if (projected && indexed) {
        m.values.put("catch-up", (System.nanoTime() - t0) / 1e9);
        break;
      }
      Thread.sleep(200);
    }
    if (!m.values.containsKey("catch-up")) {
      report.note("projection or index had not caught up within the budget");
    }
    report.loaded("journal", lineage == null ? null : lineage.path("journal").asLong());
    report.loaded("projected", lineage == null ? null : lineage.path("projected").asLong());
  }

  /** What the server holds after the load, counted through search totals. */
  void countLoaded(Report report) throws IOException, InterruptedException {
    for (String type : List.of("domain", "product", "dataset", "job")) {
      report.loaded(
          type + "sIndexed",
          get("/api/v1/search?type=" + type + "&limit=1").path("total").asLong());
    }
    report.loaded("lineageFailures", get("/api/v1/admin/lineage/failures").size());
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        load.send(
            HttpRequest.newBuilder(server.resolve(path))
                .header("Authorization", Harness.AUTHORIZATION)
                .GET()
                .build());
    require(r, "GET " + path);
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> post(URI base, Path file) throws IOException, InterruptedException {
    return load.send(postRequest(base, "/api/v1/descriptors", "application/yaml", read(file)));
  }

  static HttpRequest postRequest(URI base, String path, String type, String body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", type)
        .header("Authorization", Harness.AUTHORIZATION)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(HttpResponse<String> r, String what) {
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          what + " answered " + r.statusCode() + ": " + abbreviate(r.body(), 500));
    }
  }

  static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max) + "...";
  }

  /** The NDJSON stream as a thread-safe source of POST requests. */
  private static final class Lines implements AutoCloseable {
    private final BufferedReader reader;
    private long taken;

    Lines(Path file) throws IOException {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** Up to {@code limit} further events as requests to {@code base}. */
    Supplier<HttpRequest> requests(URI base, long limit) {
      long[] given = {0};
      return () -> {
        String line;
        synchronized (this) {
          if (given[0] >= limit) {
            return null;
          }
          try {
            line = reader.readLine();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (line == null) {
            return null;
          }
          given[0]++;
          taken++;
        }
        return postRequest(base, "/api/v1/lineage", "application/json", line);
      };
    }

    synchronized long taken() {
      return taken;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
