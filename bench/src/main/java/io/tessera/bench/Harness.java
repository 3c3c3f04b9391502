package io.tessera.bench;

import io.tessera.serverprocess.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One benchmark run in two parts. The load: generate (or reuse) the mesh, start a private copy of
 * the packaged server on a fresh data directory on loopback, apply the descriptors, post the event
 * stream but its last events, wait for the projection and the index, stop. The measurement: restart
 * on the loaded directory, post the kept events in measured phases (fsync off, then on), query,
 * stop, then measure the floors on the same data on the same machine. With {@code --data} the
 * directory is kept and a later run measures it again without reloading; {@code --load-only} stops
 * after the load. Every phase is bounded by the run's budget.
 */
public final class Harness {
  /** The base IRI the server mints with; the floors read the same IRIs. */
  static final String BASE_IRI = "https://tessera.local";

  /**
   * The admin token the benchmark server accepts (TESSERA_ADMIN_TOKEN): the server is private to
   * one run, on loopback, over a temporary data directory.
   */
  static final String ADMIN_TOKEN = "bench-admin-token-on-loopback-only";

  /** The Authorization header every harness request carries. */
  static final String AUTHORIZATION = "Bearer " + ADMIN_TOKEN;

  private final BenchOptions options;
  private final PrintStream progress;

  public Harness(BenchOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs everything; the report is also written to {@code out/report.json} and {@code .md}. */
  public Report run() throws IOException, InterruptedException {
    if (options.generateOnly()) {
      Files.createDirectories(options.out());
      Report report = new Report();
      report.info("mesh", mesh(meshDir(), new Measurements()));
      return report;
    }
    if (!Files.isRegularFile(options.jar())) {
      throw new IllegalStateException(
          options.jar() + " is missing: build it with ./mvnw -q -DskipTests package");
    }
    Deadline budget = Deadline.in(options.budgetMinutes() * 60);
    Report report = new Report();
    Files.createDirectories(options.out());
    describe(report);
    Measurements m = new Measurements();
    Path meshDir = meshDir();
    MeshManifest mesh = mesh(meshDir, m);
    report.info("mesh", mesh);
    Path work = Files.createTempDirectory("tessera-bench-");
    Path jar = work.resolve("catalog-server.jar");
    Files.copy(options.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
    Path dataDir = options.data() == null ? work.resolve("data") : options.data();
    report.info("dataDir", dataDir.toString());
    try (HttpLoad load = new HttpLoad();
        NoopServer noop = new NoopServer()) {
      LoadedData loaded = LoadedData.read(dataDir);
      if (loaded != null && !loaded.isOf(options)) {
        throw new IllegalStateException(
            dataDir
                + " holds a load of mesh "
                + loaded.size()
                + "/"
                + loaded.seed()
                + ", not "
                + options.size().label()
                + "/"
                + options.seed());
      }
      if (loaded == null) {
        loaded = load(jar, dataDir, mesh, meshDir, load, noop, report, m, budget);
      } else {
        progress.println("reusing the load in " + dataDir + " (loaded " + loaded.loadedAt() + ")");
        report.note("the load of " + loaded.loadedAt() + " in " + dataDir + " was reused");
        loaded.values().forEach((k, v) -> m.values.putIfAbsent(k, v));
      }
      report.info("load", loaded);
      if (!options.loadOnly()) {
        measure(jar, dataDir, loaded, mesh, meshDir, load, noop, report, m, budget);
      }
    } finally {
      deleteTree(options.data() == null ? work : jar);
      Files.deleteIfExists(work);
    }
    m.addRows(report);
    report.write(options.out().resolve("report.json"));
    Files.writeString(options.out().resolve("report.md"), report.markdown());
    return report;
  }

  /**
   * The load: start the server on an empty data directory (timed), apply the descriptors, post the
   * stream but its reserve with eight clients, wait for the projection and the index, stop the
   * server (which commits the index) and record the load in the data directory.
   */
  private LoadedData load(
      Path jar,
      Path dataDir,
      MeshManifest mesh,
      Path meshDir,
      HttpLoad load,
      NoopServer noop,
      Report report,
      Measurements m,
      Deadline budget)
      throws IOException, InterruptedException {
    long reserve = options.reservedEvents(mesh.events());
    long bulkEvents = mesh.events() - reserve;
    long t0 = System.nanoTime();
    Deadline loadBudget =
        options.loadOnly() ? budget : budget.within(budget.remainingSeconds() * 0.6);
    try (ServerProcess server = server(jar, dataDir, "server-load.log", false)) {
      progress.println(
          "load: starting the server on " + server.baseUri() + " (data in " + dataDir + ")");
      m.values.put("startup", server.start(Duration.ofMinutes(10)).toNanos() / 1e9);
      progress.printf("  healthy after %.2f s%n", m.values.get("startup"));
      Loader loader = new Loader(load, server.baseUri(), noop.base(), options, progress);
      progress.println("load: applying descriptors");
      loader.apply(
          mesh, meshDir, report, m, loadBudget.within(loadBudget.remainingSeconds() * 0.4));
      progress.printf(
          "load: posting %,d OpenLineage events (the last %,d are kept for the measured ingest)%n",
          bulkEvents, reserve);
      long t = System.nanoTime();
      long posted =
          loader.bulk(
              mesh,
              meshDir,
              report,
              bulkEvents,
              loadBudget.within(loadBudget.remainingSeconds() * 0.6));
      m.values.put("load-events", (System.nanoTime() - t) / 1e9);
      m.values.put("load-events-count", (double) posted);
      if (posted < bulkEvents) {
        bulkEvents = posted;
      }
      loader.awaitCaughtUp(report, m, "load-catch-up", loadBudget);
      progress.printf(
          "  caught up %.1f s after the last event%n",
          m.values.getOrDefault("load-catch-up", -1.0));
      progress.println("load: stopping the server");
      long stop = System.nanoTime();
      server.stop();
      m.values.put("load-stop", (System.nanoTime() - stop) / 1e9);
    }
    m.values.put(
        "load-total", (System.nanoTime() - t0) / 1e9 + m.values.getOrDefault("load-generate", 0.0));
    Map<String, Double> values = new LinkedHashMap<>();
    m.values.forEach(
        (k, v) -> {
          if (v != null
              && (k.startsWith("load-") || k.startsWith("apply-") || k.equals("startup"))) {
            values.put(k, v);
          }
        });
    LoadedData loaded =
        new LoadedData(
            options.size().label(),
            options.seed(),
            bulkEvents,
            false,
            Instant.now().toString(),
            values);
    loaded.write(dataDir);
    return loaded;
  }

  /**
   * The measurements on a loaded data directory: restart (timed), the reserved events at 1/4/8
   * clients with fsync off, again with fsync on after a restart, the catch-up, the reads, the heap,
   * then the disk and the floors after the server stopped.
   */
  private void measure(
      Path jar,
      Path dataDir,
      LoadedData loaded,
      MeshManifest mesh,
      Path meshDir,
      HttpLoad load,
      NoopServer noop,
      Report report,
      Measurements m,
      Deadline budget)
      throws IOException, InterruptedException {
    QueryPlan plan =
        new QueryPlan(
            new Topology(options.seed(), options.size()), options.iterations(), options.smoke());
    long perPhase = options.eventsPerMeasuredPhase(mesh.events());
    long from = loaded.bulkEvents();
    try (ServerProcess server = server(jar, dataDir, "server.log", false)) {
      progress.println("measure: restarting the server on the loaded data directory");
      m.values.put("restart", server.start(Duration.ofMinutes(10)).toNanos() / 1e9);
      progress.printf("  healthy after %.2f s%n", m.values.get("restart"));
      Loader loader = new Loader(load, server.baseUri(), noop.base(), options, progress);
      report.loaded("indexAtRestart", loader.searchStatus());
      progress.println("measure: OpenLineage ingest, fsync off");
      from += loader.ingest(mesh, meshDir, report, m, budget, "ingest", from, perPhase);
    }
    try (ServerProcess server = server(jar, dataDir, "server-fsync.log", true)) {
      progress.println("measure: restarting the server with -Dtessera.journal.fsync=true");
      m.values.put("restart-fsync", server.start(Duration.ofMinutes(10)).toNanos() / 1e9);
      Loader loader = new Loader(load, server.baseUri(), noop.base(), options, progress);
      from += loader.ingest(mesh, meshDir, report, m, budget, "ingest-fsync", from, perPhase);
      from +=
          loader.rest(mesh, meshDir, report, from, budget.within(budget.remainingSeconds() * 0.2));
      report.loaded("eventsPosted", from);
      if (from < mesh.events()) {
        report.note(String.format("the budget allowed %,d of %,d events", from, mesh.events()));
      }
      LoadedData after = loaded.withReservePosted();
      after.write(dataDir);
      if (loaded.reservePosted()) {
        report.note(
            "the reserved events had been posted by an earlier run: the measured ingest re-posted them");
      }
      loader.ingestFloors(mesh, meshDir, report, m, loaded.bulkEvents());
      loader.awaitCaughtUp(
          report, m, "catch-up", Deadline.in(Math.max(120, budget.remainingSeconds() * 0.3)));
      loader.countLoaded(report);
      progress.println("measure: querying over HTTP");
      new QueryPhases(load, server.baseUri(), noop.base(), plan, progress).run(report, m, budget);
      progress.println("measure: reading heap and memory, stopping the server");
      server.liveHeapMiB().ifPresent(v -> m.values.put("heap", v));
      server.rssMiB().ifPresent(v -> m.values.put("rss", v));
    }
    DiskUse.of(dataDir).into(m, mesh.datasets());
    new FloorPhases(dataDir, plan, options, progress).run(report, m, budget);
  }

  /** The server on {@code dataDir}, with the journal's fsync set explicitly either way. */
  private ServerProcess server(Path jar, Path dataDir, String log, boolean fsync) {
    List<String> jvm = new ArrayList<>(options.serverJvmOptions());
    jvm.add("-Dtessera.journal.fsync=" + fsync);
    return ServerProcess.builder(jar, options.out().resolve(log))
        .javaHome(options.javaHome())
        .jvmOptions(jvm)
        .dataDir(dataDir)
        .environment("TESSERA_DEMO", "false")
        .environment("TESSERA_ADMIN_TOKEN", ADMIN_TOKEN)
        .environment("TESSERA_BASE_IRI", BASE_IRI)
        // search by meaning embeds every description on the indexing path (tens of texts per
        // second per core): off here, so the figures are the word search's; measure it with
        // --server-opt -Dtessera.search.semantic.enabled=true (a system property wins over this)
        .environment("TESSERA_SEARCH_SEMANTIC_ENABLED", "false")
        .build();
  }

  /** Where the mesh of this size and seed is (or will be) generated. */
  public Path meshDir() {
    return options.out().resolve("mesh-" + options.size().label() + "-" + options.seed());
  }

  private MeshManifest mesh(Path dir, Measurements m) {
    if (Files.exists(dir.resolve(MeshManifest.FILE))) {
      progress.println("reusing the mesh in " + dir);
      return MeshGenerator.readManifest(dir);
    }
    progress.printf(
        "generating mesh %s (seed %d) in %s%n", options.size().label(), options.seed(), dir);
    long t = System.nanoTime();
    MeshManifest manifest = new MeshGenerator(options.seed(), options.size()).generate(dir);
    progress.printf(
        "  %,d domains, %,d products (%,d planned), %,d datasets, %,d events in %.1f s%n",
        manifest.domains(),
        manifest.products(),
        manifest.plannedProducts(),
        manifest.datasets(),
        manifest.events(),
        (System.nanoTime() - t) / 1e9);
    m.values.put("load-generate", (System.nanoTime() - t) / 1e9);
    return manifest;
  }

  private void describe(Report report) {
    report.info("startedAt", Instant.now().toString());
    report.info("size", options.size().label());
    report.info("seed", options.seed());
    report.info("smoke", options.smoke());
    report.info("budgetMinutes", options.budgetMinutes());
    report.info("cpus", Runtime.getRuntime().availableProcessors());
    report.info("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    report.info(
        "harnessJava",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    report.info("serverJavaHome", options.javaHome().toString());
    report.info("serverJvmOptions", options.serverJvmOptions());
    try {
      report.info("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
      report.info(
          "memTotal",
          Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " "));
    } catch (IOException | RuntimeException notLinux) {
      report.info("loadAverage", "unknown");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
