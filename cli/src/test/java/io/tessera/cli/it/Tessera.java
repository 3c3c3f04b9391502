package io.tessera.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged command line ({@code cli/target/tessera.jar}) run as a child process, as a person or
 * a CI job runs it: {@code java -jar}, the server and token in {@code TESSERA_URL} and {@code
 * TESSERA_TOKEN}, a home directory of its own (no config file), standard input closed.
 */
final class Tessera {
  static final Path JAR = SharedServer.MODULE_DIR.resolve("target/tessera.jar");

  private final Map<String, String> environment = new HashMap<>();
  private final Path workDir;

  private Tessera(Path workDir) {
    this.workDir = workDir;
  }

  /** The command line with no server configured. */
  static Tessera offline(Path workDir) {
    return new Tessera(workDir);
  }

  /** The command line against a server, with a token (none when null). */
  static Tessera against(URI server, String token, Path workDir) {
    Tessera tessera = new Tessera(workDir);
    tessera.environment.put("TESSERA_URL", server.toString());
    if (token != null) {
      tessera.environment.put("TESSERA_TOKEN", token);
    }
    return tessera;
  }

  /**
   * What one run printed and its exit code.
   *
   * @param exitCode the process's exit code
   * @param out standard output
   * @param err standard error
   */
  record Run(int exitCode, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code tessera args…} in the work directory. */
  Run run(String... args) {
    assertThat(JAR).as("package the module first: ./mvnw -pl cli package").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    try {
      Path home = Files.createDirectories(workDir.resolve(".home"));
      Path out = Files.createTempFile("tessera-out", ".txt");
      Path err = Files.createTempFile("tessera-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().keySet().removeIf(k -> k.startsWith("TESSERA_"));
      builder.environment().put("HOME", home.toString());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("tessera " + String.join(" ", args) + " did not end");
      }
      Run run =
          new Run(
              process.exitValue(),
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A copy of a fixture directory under {@code src/test/resources/descriptors}. */
  static Path copyFixture(String name, Path into) {
    Path from = SharedServer.MODULE_DIR.resolve("src/test/resources/descriptors").resolve(name);
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = into.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return into;
  }
}
