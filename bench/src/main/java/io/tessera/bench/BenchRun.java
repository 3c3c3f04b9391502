package io.tessera.bench;

import java.nio.file.Path;

/**
 * {@code bench/run}: {@code [--size S|M|L] [--seed N] [--out DIR] [--budget MINUTES] [--jar PATH]
 * [--smoke]}. Prints progress and the table on standard output, writes {@code report.json} and
 * {@code report.md} to the output directory.
 */
public final class BenchRun {
  private BenchRun() {}

  public static void main(String[] args) throws Exception {
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome == null || javaHome.isBlank()) {
      javaHome = System.getProperty("java.home");
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, Path.of(javaHome));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Harness harness = new Harness(options, System.out);
    Report report = harness.run();
    if (options.generateOnly()) {
      System.out.println("wrote " + harness.meshDir());
      return;
    }
    report.print(System.out);
    System.out.println("\nwrote " + options.out().resolve("report.json"));
  }
}
