package io.tessera.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.serverprocess.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The packaged catalog server ({@code catalog-server/target/catalog-server.jar}) with the demo
 * catalog and a known admin token, started once for all the integration test classes of a run and
 * stopped when the run ends. Each class works in its own domains, so they do not disturb one
 * another.
 */
final class SharedServer implements BeforeAllCallback, ParameterResolver {
  static final String ADMIN_TOKEN = "cli-it-admin-token-5d1e9b3a7c2f4e60";
  static final Path MODULE_DIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  static final Path SERVER_JAR = MODULE_DIR.resolve("../catalog-server/target/catalog-server.jar");

  private static final Duration START_DEADLINE = Duration.ofMinutes(4);

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Running.class, key -> start(), Running.class);
  }

  /** A {@link URI} parameter is the server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == URI.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    beforeAll(context);
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .get(Running.class, Running.class)
        .server()
        .baseUri();
  }

  private static Running start() {
    assertThat(SERVER_JAR.normalize())
        .as("build the server first: ./mvnw -pl catalog-server -am package -DskipTests")
        .isRegularFile();
    try {
      Path dataDir = Files.createTempDirectory("tessera-cli-it-data");
      ServerProcess server =
          ServerProcess.builder(
                  SERVER_JAR.normalize(), MODULE_DIR.resolve("target/cli-it/server.log"))
              .dataDir(dataDir)
              .environment("TESSERA_DEMO", "true")
              .environment("TESSERA_ADMIN_TOKEN", ADMIN_TOKEN)
              .start(START_DEADLINE);
      return new Running(server, dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("the packaged server did not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the server", e);
    }
  }

  /** The running server, stopped (and its data removed) when the test run ends. */
  private record Running(ServerProcess server, Path dataDir)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      server.stop();
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
