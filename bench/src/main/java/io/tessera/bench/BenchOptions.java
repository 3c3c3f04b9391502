package io.tessera.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@code bench/run}.
 *
 * @param size the mesh size
 * @param seed the generator's seed
 * @param out where the mesh, the server log and the report go
 * @param budgetMinutes the whole run's time bound (phases stop early to respect it)
 * @param jar the packaged catalog server
 * @param javaHome the JDK that runs the server (and whose {@code jcmd} reads its heap)
 * @param smoke fewer query iterations (the test suite's smoke run)
 * @param serverJvmOptions extra options for the server's JVM (e.g. a JFR recording)
 * @param generateOnly write the mesh and stop (no server, no measurements)
 */
public record BenchOptions(
    MeshSize size,
    long seed,
    Path out,
    double budgetMinutes,
    Path jar,
    Path javaHome,
    boolean smoke,
    List<String> serverJvmOptions,
    boolean generateOnly) {

  static final String USAGE =
      "usage: bench/run [--size S|M|L] [--seed N] [--out DIR] [--budget MINUTES] [--jar PATH]"
          + " [--smoke] [--server-opt JVM_OPTION]... [--generate-only]";

  /** Parses {@code args}; unknown options are an error. */
  public static BenchOptions parse(String[] args, Path javaHome) {
    MeshSize size = MeshSize.S;
    long seed = 42;
    Path out = Path.of("bench/results");
    double budget = 20;
    Path jar = Path.of("catalog-server/target/catalog-server.jar");
    boolean smoke = false;
    boolean generateOnly = false;
    List<String> serverOptions = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--size" -> size = MeshSize.of(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--budget" -> budget = Double.parseDouble(value(args, ++i, a));
        case "--jar" -> jar = Path.of(value(args, ++i, a));
        case "--smoke" -> smoke = true;
        case "--generate-only" -> generateOnly = true;
        case "--server-opt" -> serverOptions.add(value(args, ++i, a));
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (budget <= 0) {
      throw new IllegalArgumentException("--budget must be positive");
    }
    return new BenchOptions(
        size, seed, out, budget, jar, javaHome, smoke, List.copyOf(serverOptions), generateOnly);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  /** Measured iterations per query series (after a warm-up of a fifth as many). */
  int iterations() {
    return smoke ? 15 : 200;
  }

  /** Events per measured ingest phase at most. */
  int eventsPerPhase() {
    return smoke ? 300 : 20_000;
  }
}
