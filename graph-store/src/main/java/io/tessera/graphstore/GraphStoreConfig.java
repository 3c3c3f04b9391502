package io.tessera.graphstore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open the graph store.
 *
 * @param directory the TDB2 directory; {@code null} for an in-memory store (tests)
 * @param queryTimeout how long a SPARQL query may run before it is cancelled
 * @param vocabularyGraph the named graph the Tessera vocabulary is kept in
 */
public record GraphStoreConfig(Path directory, Duration queryTimeout, String vocabularyGraph) {
  public GraphStoreConfig {
    Objects.requireNonNull(queryTimeout, "queryTimeout");
    Objects.requireNonNull(vocabularyGraph, "vocabularyGraph");
  }

  /** An in-memory store, for tests. */
  public static GraphStoreConfig inMemory(String vocabularyGraph) {
    return new GraphStoreConfig(null, Duration.ofSeconds(10), vocabularyGraph);
  }
}
