package io.tessera.catalogserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** Settings of a server under test. */
public final class TestServer {
  private TestServer() {}

  /**
   * A random port, a fresh temporary data directory named after {@code dataDirPrefix}, and the
   * given further settings as key, value, key, value, ….
   */
  public static Map<String, String> properties(String dataDirPrefix, String... more) {
    if (more.length % 2 != 0) {
      throw new IllegalArgumentException("settings come in key, value pairs");
    }
    Map<String, String> properties = new HashMap<>();
    properties.put("micronaut.server.port", "-1");
    try {
      properties.put("tessera.data-dir", Files.createTempDirectory(dataDirPrefix).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < more.length; i += 2) {
      properties.put(more[i], more[i + 1]);
    }
    return Map.copyOf(properties);
  }

  /**
   * Waits until the lineage projection has caught up with the journal and the search index with the
   * graph (what the demo or a test's writes put there), failing the test after the timeout.
   */
  public static void awaitCaughtUp(
      io.tessera.lineage.LineageProjection projection,
      io.tessera.graphstore.GraphStore store,
      io.tessera.searchindex.SearchIndex index,
      java.time.Duration timeout)
      throws InterruptedException {
    if (!projection.awaitProjected(projection.status().journal(), timeout)) {
      throw new AssertionError("the lineage projection did not catch up within " + timeout);
    }
    long revision;
    do {
      revision = store.revision();
      if (!index.awaitRevision(revision, timeout)) {
        throw new AssertionError("the search index did not catch up within " + timeout);
      }
    } while (store.revision() != revision);
  }

  /** Stops a server started in the test (and its context), then closes what it ran on. */
  public static void stopWith(
      io.micronaut.runtime.server.EmbeddedServer server, AutoCloseable database)
      throws java.io.IOException {
    try {
      if (server != null) {
        io.micronaut.context.ApplicationContext context = server.getApplicationContext();
        server.stop();
        if (context.isRunning()) {
          context.stop();
        }
      }
    } finally {
      if (database != null) {
        try {
          database.close();
        } catch (java.io.IOException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
