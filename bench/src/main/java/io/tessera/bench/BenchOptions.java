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
 * @param data the data directory to load into and keep (null: a temporary one, deleted at the end);
 *     when it already holds a completed load of the same mesh, the load is skipped
 * @param loadOnly load the mesh into {@code data} and stop (measure later with the same {@code
 *     --data})
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
    boolean generateOnly,
    Path data,
    boolean loadOnly) {

  static final String USAGE =
      "usage: bench/run [--size S|M|L] [--seed N] [--out DIR] [--budget MINUTES] [--jar PATH]"
          + " [--smoke] [--server-opt JVM_OPTION]... [--generate-only] [--data DIR]"
          + " [--load-only]";

  /** Parses {@code args}; unknown options are an error. */
  public static BenchOptions parse(String[] args, Path javaHome) {
    MeshSize size = MeshSize.S;
    long seed = 42;
    Path out = Path.of("bench/results");
    double budget = 20;
    Path jar = Path.of("catalog-server/target/catalog-server.jar");
    boolean smoke = false;
    boolean generateOnly = false;
    boolean loadOnly = false;
    Path data = null;
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
        case "--data" -> data = Path.of(value(args, ++i, a));
        case "--load-only" -> loadOnly = true;
        default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
      }
    }
    if (budget <= 0) {
      throw new IllegalArgumentException("--budget must be positive");
    }
    if (loadOnly && data == null) {
      throw new IllegalArgumentException("--load-only needs --data DIR to keep the load in");
    }
    return new BenchOptions(
        size,
        seed,
        out,
        budget,
        jar,
        javaHome,
        smoke,
        List.copyOf(serverOptions),
        generateOnly,
        data,
        loadOnly);
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

  /**
   * Events kept from the end of the stream for the measured ingest phases (1/4/8 clients, fsync off
   * then on): the load posts the rest.
   */
  long reservedEvents(long events) {
    return 6 * eventsPerMeasuredPhase(events);
  }

  /** Events per measured ingest phase for a stream of {@code events}. */
  long eventsPerMeasuredPhase(long events) {
    return Math.max(1, Math.min(eventsPerPhase(), events / 8));
  }
}
