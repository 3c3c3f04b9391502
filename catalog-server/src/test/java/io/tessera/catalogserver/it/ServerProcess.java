package io.tessera.catalogserver.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged fat jar running as a child process on a free loopback port, its output in a log
 * file. {@link #start} returns once {@code /health} says UP; {@link #stop} shuts it down with
 * SIGTERM and kills it if it does not exit in time. A JVM shutdown hook kills it too, should the
 * test JVM end without calling {@link #stop}.
 */
final class ServerProcess {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final URI baseUri;
  private final Path log;
  private final Thread killer;
  private final long startedAtNanos;
  private Duration startUpTime;

  private ServerProcess(
      Process process, URI baseUri, Path log, Thread killer, long startedAtNanos) {
    this.process = process;
    this.baseUri = baseUri;
    this.log = log;
    this.killer = killer;
    this.startedAtNanos = startedAtNanos;
  }

  /**
   * Launches {@code java -jar jar} with the test JVM's own java binary and waits for health UP.
   *
   * @param environment extra environment variables (TESSERA_DATA_DIR, TESSERA_DEMO...)
   * @throws IllegalStateException if the server exits or is not UP before the deadline; the process
   *     is killed then
   */
  static ServerProcess start(Path jar, Map<String, String> environment, Path log, Duration deadline)
      throws IOException, InterruptedException {
    int port = freePort();
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                javaBinary(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("TESSERA_") || k.startsWith("DATASOURCES_"));
    env.putAll(environment);
    env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
    long startedAt = System.nanoTime();
    Process process = builder.start();
    Thread killer = new Thread(process::destroyForcibly, "kill-" + log.getFileName());
    Runtime.getRuntime().addShutdownHook(killer);
    ServerProcess server =
        new ServerProcess(process, URI.create("http://127.0.0.1:" + port), log, killer, startedAt);
    try {
      server.awaitHealthy(deadline);
    } catch (IllegalStateException | InterruptedException e) {
      server.stop();
      throw e;
    }
    return server;
  }

  /** The server's address, e.g. {@code http://127.0.0.1:40123}. */
  URI baseUri() {
    return baseUri;
  }

  /** Time from launching the process to the first {@code /health} UP. */
  Duration startUpTime() {
    return startUpTime;
  }

  /** The log file the server writes to. */
  Path log() {
    return log;
  }

  /** SIGTERM, wait for a graceful shutdown, kill if it takes too long. Safe to call twice. */
  void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway
    }
  }

  private void awaitHealthy(Duration deadline) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(baseUri.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
    long until = startedAtNanos + deadline.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the server exited with " + process.exitValue() + " before it was UP" + logTail());
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          startUpTime = Duration.ofNanos(System.nanoTime() - startedAtNanos);
          return;
        }
      } catch (IOException notListeningYet) {
        last = notListeningYet.toString();
      }
      Thread.sleep(POLL_INTERVAL);
    }
    throw new IllegalStateException(
        "the server was not UP within " + deadline + " (last: " + last + ")" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      List<String> tail =
          new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      return "\n--- last lines of " + log + " ---\n" + String.join("\n", tail);
    } catch (IOException e) {
      return " (cannot read " + log + ": " + e + ")";
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
