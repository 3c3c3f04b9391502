package io.tessera.serverprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged catalog server ({@code catalog-server.jar}) as a child process on a free loopback
 * port, its standard output and error in a log file. The port is chosen when the process is built,
 * so {@link #baseUri()} is known before {@link #start}. {@link #start} launches {@code java -jar}
 * and returns once {@code /health} answers 200 with status UP; {@link #stop} (or {@link #close})
 * shuts it down with SIGTERM and kills it if it does not exit in time. A JVM shutdown hook kills it
 * too, should the calling JVM end without stopping it.
 *
 * <p>The child's environment is the caller's without any {@code TESSERA_*} or {@code DATASOURCES_*}
 * variable, plus what the builder sets, plus {@code MICRONAUT_SERVER_PORT} and {@code
 * MICRONAUT_SERVER_HOST=127.0.0.1}: the server sees only the configuration it is given.
 *
 * <p>Used by the benchmark harness ({@code bench}) and by catalog-server's integration tests of the
 * packaged jar. It depends on the JDK only and on no Tessera module.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
  private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final Path java;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final URI baseUri;
  private Process process;
  private Thread killer;
  private Duration startUpTime;

  private ServerProcess(Builder builder) {
    this.java = builder.java;
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.addAll(builder.jvmOptions);
    cmd.addAll(List.of("-jar", builder.jar.toString()));
    this.command = List.copyOf(cmd);
    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>(builder.environment);
    env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    env.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
    this.environment = env;
    this.log = builder.log;
    this.baseUri = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * A server running {@code jar} that writes its output to {@code log}, with the calling JVM's own
   * java binary unless {@link Builder#javaHome} says otherwise.
   */
  public static Builder builder(Path jar, Path log) {
    return new Builder(jar, log);
  }

  /** The server's address, e.g. {@code http://127.0.0.1:40123}; known before it starts. */
  public URI baseUri() {
    return baseUri;
  }

  /** The log file the server writes its standard output and error to. */
  public Path log() {
    return log;
  }

  /** The process id of the running server. */
  public long pid() {
    if (process == null) {
      throw new IllegalStateException("the server has not been started");
    }
    return process.pid();
  }

  /**
   * Launches the server and waits until {@code /health} answers 200 with status UP.
   *
   * @return the time from launching the process to the first healthy answer
   * @throws IllegalStateException if it was started before, or if the server exits or is not UP
   *     before {@code deadline}; the process is stopped then, and the message ends with the last
   *     lines of the log
   */
  public Duration start(Duration deadline) throws IOException, InterruptedException {
    if (process != null) {
      throw new IllegalStateException("the server was started already");
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("TESSERA_") || k.startsWith("DATASOURCES_"));
    env.putAll(environment);
    long startedAt = System.nanoTime();
    process = builder.start();
    killer = new Thread(process::destroyForcibly, "kill-" + log.getFileName());
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      startUpTime = awaitHealthy(startedAt, deadline);
    } catch (IllegalStateException | InterruptedException e) {
      stop();
      throw e;
    }
    return startUpTime;
  }

  /** Time from launching the process to the first {@code /health} UP; null before that. */
  public Duration startUpTime() {
    return startUpTime;
  }

  /** Resident set size of the server process in MiB (Linux /proc), if readable. */
  public Optional<Double> rssMiB() {
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

  /**
   * Heap in use after a full GC, in MiB, from {@code jcmd GC.run} and {@code GC.heap_info} (the
   * {@code jcmd} next to the java binary that runs the server).
   */
  public Optional<Double> liveHeapMiB() throws InterruptedException {
    Path jcmd = java.resolveSibling("jcmd");
    try {
      jcmd(jcmd, "GC.run");
      Matcher m = HEAP_USED.matcher(jcmd(jcmd, "GC.heap_info"));
      return m.find() ? Optional.of(Long.parseLong(m.group(1)) / 1024.0) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * SIGTERM, wait for a graceful shutdown (so that TDB2 and Lucene are closed), SIGKILL if it takes
   * longer than 30 s. Safe to call twice, and before {@link #start}.
   */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
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

  /** Same as {@link #stop}. */
  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private Duration awaitHealthy(long startedAtNanos, Duration deadline)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(baseUri.resolve("/health")).timeout(HEALTH_REQUEST_TIMEOUT).build();
    long until = startedAtNanos + deadline.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the server exited with " + process.exitValue() + " before it was UP" + logTail());
      }
      try {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return Duration.ofNanos(System.nanoTime() - startedAtNanos);
        }
        last = response.statusCode() + " " + response.body();
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
      List<String> tail = lines.subList(Math.max(0, lines.size() - 40), lines.size());
      return "\n--- last lines of " + log + " ---\n" + String.join("\n", tail);
    } catch (IOException e) {
      return " (cannot read " + log + ": " + e + ")";
    }
  }

  private String jcmd(Path jcmd, String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** What to run and how; {@link #build} picks the port, {@link #start} also launches. */
  public static final class Builder {
    private final Path jar;
    private final Path log;
    private Path java = currentJava();
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder(Path jar, Path log) {
      this.jar = Objects.requireNonNull(jar, "jar");
      this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs the server with {@code javaHome/bin/java} (and measures heap with its jcmd). */
    public Builder javaHome(Path javaHome) {
      this.java = javaHome.resolve("bin").resolve("java");
      return this;
    }

    /** Extra options for the server's JVM, before {@code -jar}. */
    public Builder jvmOptions(List<String> options) {
      jvmOptions.addAll(options);
      return this;
    }

    /** The server's data directory ({@code TESSERA_DATA_DIR}). */
    public Builder dataDir(Path dataDir) {
      return environment("TESSERA_DATA_DIR", dataDir.toString());
    }

    /** One environment variable of the server, e.g. {@code TESSERA_DEMO}. */
    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** Environment variables of the server. */
    public Builder environment(Map<String, String> variables) {
      environment.putAll(variables);
      return this;
    }

    /** The server, not started yet, on a free loopback port. */
    public ServerProcess build() {
      return new ServerProcess(this);
    }

    /** The server, started and UP: {@code build().start(deadline)}. */
    public ServerProcess start(Duration deadline) throws IOException, InterruptedException {
      ServerProcess server = build();
      server.start(deadline);
      return server;
    }

    private static Path currentJava() {
      return ProcessHandle.current()
          .info()
          .command()
          .map(Path::of)
          .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }
  }
}
