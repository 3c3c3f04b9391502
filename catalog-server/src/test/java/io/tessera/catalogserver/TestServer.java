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
}
