package io.tessera.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged catalog server as a child process: a private copy of the jar (so that a rebuild
 * cannot pull it away mid-run), a data directory, a free loopback port, its log in a file.
 */
final class ServerProcess implements AutoCloseable {
  /** The base IRI the server mints with; the floors read the same IRIs. */
  static final String BASE_IRI = "https://tessera.local";

  /**
   * The admin token the benchmark server accepts (TESSERA_ADMIN_TOKEN): the server is private to
   * one run, on loopback, over a temporary data directory.
   */
  static final String ADMIN_TOKEN = "bench-admin-token-on-loopback-only";

  /** The Authorization header every harness request carries. */
  static final String AUTHORIZATION = "Bearer " + ADMIN_TOKEN;

  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Path java;
  private final Path jar;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private final List<String> jvmOptions;
  private Process process;

  ServerProcess(Path javaHome, Path jar, Path dataDir, Path log, List<String> jvmOptions)
      throws IOException {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.java = javaHome.resolve("bin/java");
    this.jar = jar;
    this.dataDir = dataDir;
    this.log = log;
    this.port = freePort();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  Path dataDir() {
    return dataDir;
  }

  long pid() {
    return process.pid();
  }

  /** Starts the server and returns the seconds from launch to {@code /health} answering 200. */
  double start(Duration timeout) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.put("TESSERA_DATA_DIR", dataDir.toString());
    env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
    env.put("TESSERA_DEMO", "false");
    env.put("TESSERA_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("TESSERA_BASE_IRI", BASE_IRI);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    long t0 = System.nanoTime();
    process = pb.start();
    HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long until = t0 + timeout.toNanos();
    HttpRequest health = HttpRequest.newBuilder(base().resolve("/health")).GET().build();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited at start-up; see " + log);
      }
      try {
        if (probe.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - t0) / 1e9;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new IllegalStateException(
        "the server was not healthy within " + timeout + "; see " + log);
  }

  /** Resident set size of the server process in MiB (Linux /proc), if readable. */
  Optional<Double> rssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** Heap in use after a full GC, in MiB, from {@code jcmd GC.run} and {@code GC.heap_info}. */
  Optional<Double> liveHeapMiB() throws InterruptedException {
    Path jcmd = java.getParent().resolve("jcmd");
    try {
      run(jcmd, "GC.run");
      Matcher m = HEAP_USED.matcher(run(jcmd, "GC.heap_info"));
      return m.find() ? Optional.of(Long.parseLong(m.group(1)) / 1024.0) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String run(Path jcmd, String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s) so that TDB2 and Lucene are closed. */
  @Override
  public void close() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
