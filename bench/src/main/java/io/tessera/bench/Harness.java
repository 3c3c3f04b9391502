package io.tessera.bench;

import io.tessera.serverprocess.ServerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One benchmark run: generate (or reuse) the mesh, start a private copy of the packaged server on a
 * fresh data directory on loopback, load the mesh while measuring, query it, stop it, then measure
 * the floors on the same data on the same machine. Every phase is bounded by the run's budget.
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
      report.info("mesh", mesh(meshDir()));
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
    Path meshDir = meshDir();
    MeshManifest mesh = mesh(meshDir);
    report.info("mesh", mesh);
    QueryPlan plan =
        new QueryPlan(new Topology(options.seed(), options.size()), options.iterations());
    Measurements m = new Measurements();
    Path work = Files.createTempDirectory("tessera-bench-");
    Path jar = work.resolve("catalog-server.jar");
    Files.copy(options.jar(), jar, StandardCopyOption.REPLACE_EXISTING);
    Path dataDir = work.resolve("data");
    try (HttpLoad load = new HttpLoad();
        NoopServer noop = new NoopServer()) {
      try (ServerProcess server =
          ServerProcess.builder(jar, options.out().resolve("server.log"))
              .javaHome(options.javaHome())
              .jvmOptions(options.serverJvmOptions())
              .dataDir(dataDir)
              .environment("TESSERA_DEMO", "false")
              .environment("TESSERA_ADMIN_TOKEN", ADMIN_TOKEN)
              .environment("TESSERA_BASE_IRI", BASE_IRI)
              .build()) {
        progress.println(
            "starting the server on " + server.baseUri() + " (data in " + dataDir + ")");
        m.values.put("startup", server.start(Duration.ofMinutes(3)).toNanos() / 1e9);
        progress.printf("  healthy after %.2f s%n", m.values.get("startup"));
        Loader loader = new Loader(load, server.baseUri(), noop.base(), options, progress);
        progress.println("applying descriptors");
        loader.apply(mesh, meshDir, report, m, budget.within(budget.remainingSeconds() * 0.35));
        progress.println("ingesting OpenLineage events");
        loader.ingest(mesh, meshDir, report, m, budget);
        loader.awaitCaughtUp(
            report, m, budget.within(Math.max(30, budget.remainingSeconds() * 0.4)));
        loader.countLoaded(report);
        progress.println("querying over HTTP");
        new QueryPhases(load, server.baseUri(), noop.base(), plan, progress).run(report, m, budget);
        progress.println("reading heap and memory, stopping the server");
        server.liveHeapMiB().ifPresent(v -> m.values.put("heap", v));
        server.rssMiB().ifPresent(v -> m.values.put("rss", v));
      }
      m.values.put("data-dir", sizeMiB(dataDir));
      new FloorPhases(dataDir, plan, options, progress).run(report, m, budget);
    } finally {
      deleteTree(work);
    }
    m.addRows(report);
    report.write(options.out().resolve("report.json"));
    Files.writeString(options.out().resolve("report.md"), report.markdown());
    return report;
  }

  /** Where the mesh of this size and seed is (or will be) generated. */
  public Path meshDir() {
    return options.out().resolve("mesh-" + options.size().label() + "-" + options.seed());
  }

  private MeshManifest mesh(Path dir) {
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

  private static double sizeMiB(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long bytes =
          files
              .filter(Files::isRegularFile)
              .mapToLong(
                  f -> {
                    try {
                      return Files.size(f);
                    } catch (IOException e) {
                      return 0;
                    }
                  })
              .sum();
      return bytes / (1024.0 * 1024.0);
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
