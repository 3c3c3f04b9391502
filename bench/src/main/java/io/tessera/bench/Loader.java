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
 * Loads a generated mesh into the server: descriptor apply (one request per descriptor file of a
 * hundred products, measured next to the no-op floor), then the OpenLineage stream in bulk with
 * eight clients, except its last events, which the measured ingest phases post later (1, 4 and 8
 * clients, each repeated against the no-op floor with the same bodies and the same client). Waits
 * for the lineage projection and the search index to catch up, and counts what the server holds.
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

  /**
   * Domains, then product files in order (bounded by {@code deadline}), then policies; the rates
   * (products/s, Tessera and the no-op floor) go to {@code apply-rate} and {@code
   * apply-rate-floor}.
   */
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
    m.values.put("apply-rate", created / seconds);
    m.values.put("apply-rate-floor", floor.seconds() <= 0 ? null : created / floor.seconds());
    m.values.put("load-apply", seconds);
    m.values.put("load-products", (double) created);
    // policies: their format may not be known to this server; report, do not fail
    HttpResponse<String> policies = post(server, dir.resolve(mesh.policyFile()));
    report.loaded("policiesStatus", policies.statusCode());
    m.values.put("load-policies-status", (double) policies.statusCode());
    if (policies.statusCode() >= 300) {
      report.note(
          "policy descriptors answered "
              + policies.statusCode()
              + ": "
              + abbreviate(policies.body(), 200));
    }
    progress.printf("  policies: HTTP %d%n", policies.statusCode());
  }

  /**
   * The bulk of the stream, unmeasured per request: events {@code [0, upTo)} with eight clients.
   *
   * @return how many were posted (fewer if the deadline passed)
   */
  long bulk(MeshManifest mesh, Path dir, Report report, long upTo, Deadline deadline)
      throws IOException {
    try (Lines lines = new Lines(dir.resolve(mesh.eventsFile()))) {
      Series s = load.run("load: events", 8, lines.requests(server, upTo), deadline);
      report.series(s);
      progress.printf(
          "  posted %,d events in %.1f s (%.0f events/s, 8 clients) %s%n",
          s.count(), s.seconds(), s.perSecond(), s.statuses());
      if (lines.taken() < upTo) {
        report.note(
            String.format("the load's budget allowed %,d of %,d bulk events", lines.taken(), upTo));
      }
      return lines.taken();
    }
  }

  /**
   * The measured ingest phases: from event {@code from} on, a phase per client count of {@code
   * perPhase} events each, stored as {@code <key>-<clients>}.
   *
   * @return how many events the phases posted
   */
  long ingest(
      MeshManifest mesh,
      Path dir,
      Report report,
      Measurements m,
      Deadline budget,
      String key,
      long from,
      long perPhase)
      throws IOException {
    try (Lines lines = new Lines(dir.resolve(mesh.eventsFile()))) {
      lines.skip(from);
      for (int clients : CLIENTS) {
        Deadline phase = budget.within(budget.remainingSeconds() * 0.08);
        Series s = load.run(key + " " + clients, clients, lines.requests(server, perPhase), phase);
        m.tessera.put(key + "-" + clients, s);
        report.series(s);
        progress.printf(
            "  %s, %d client(s): %,d events, %.0f events/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f"
                + " ms %s%n",
            key, clients, s.count(), s.perSecond(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.statuses());
      }
      return lines.taken() - from;
    }
  }

  /** Events {@code [from, mesh.events())} with eight clients, unmeasured. */
  long rest(MeshManifest mesh, Path dir, Report report, long from, Deadline deadline)
      throws IOException {
    try (Lines lines = new Lines(dir.resolve(mesh.eventsFile()))) {
      lines.skip(from);
      Series s = load.run("ingest rest", 8, lines.requests(server, Long.MAX_VALUE), deadline);
      report.series(s);
      return lines.taken() - from;
    }
  }

  /** The no-op floor of every measured ingest phase: the same events, the same concurrency. */
  void ingestFloors(MeshManifest mesh, Path dir, Report report, Measurements m, long from)
      throws IOException {
    for (String key : List.of("ingest", "ingest-fsync")) {
      try (Lines lines = new Lines(dir.resolve(mesh.eventsFile()))) {
        lines.skip(from);
        for (int clients : CLIENTS) {
          Series measured = m.tessera.get(key + "-" + clients);
          if (measured == null) {
            continue;
          }
          Series f =
              load.run(
                  key + " " + clients + " (no-op floor)",
                  clients,
                  lines.requests(noop, measured.count()),
                  Deadline.in(60));
          m.floor.put(key + "-" + clients, f);
          report.series(f);
        }
      }
    }
  }

  /** Waits until the projection has every journaled event and the index has every revision. */
  boolean awaitCaughtUp(Report report, Measurements m, String key, Deadline deadline)
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
        m.values.put(key, (System.nanoTime() - t0) / 1e9);
        break;
      }
      Thread.sleep(200);
    }
    if (!m.values.containsKey(key)) {
      report.note(
          "projection or index had not caught up within the budget ("
              + key
              + "): lineage "
              + lineage
              + ", search "
              + search);
    }
    report.loaded("journal", lineage == null ? null : lineage.path("journal").asLong());
    report.loaded("projected", lineage == null ? null : lineage.path("projected").asLong());
    return m.values.containsKey(key);
  }

  /**
   * The search index's status ({@code GET /api/v1/search/status}), e.g. whether it was stale at
   * open.
   */
  JsonNode searchStatus() throws IOException, InterruptedException {
    return get("/api/v1/search/status");
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

    /** Skips the first {@code n} events. */
    synchronized void skip(long n) throws IOException {
      for (long i = 0; i < n && reader.readLine() != null; i++) {
        taken++;
      }
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }
}
