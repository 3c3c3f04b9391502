package io.tessera.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a completed load left in a kept data directory ({@code bench-load.json} next to the server's
 * files), so that a later run with the same {@code --data} measures it again without reloading.
 *
 * @param size the mesh size label
 * @param seed the mesh seed
 * @param bulkEvents events the load posted (the stream minus the measured phases' reserve)
 * @param reservePosted whether the reserved events were posted since (by a measuring run)
 * @param loadedAt when the load completed (ISO-8601)
 * @param values the load's figures (phase seconds, apply rates, start-up on the empty directory)
 */
record LoadedData(
    String size,
    long seed,
    long bulkEvents,
    boolean reservePosted,
    String loadedAt,
    Map<String, Double> values) {
  static final String FILE = "bench-load.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  LoadedData {
    values = new LinkedHashMap<>(values);
  }

  /** The record in {@code dataDir}, or null if no load completed there. */
  static LoadedData read(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), LoadedData.class) : null;
  }

  void write(Path dataDir) throws IOException {
    JSON.writeValue(dataDir.resolve(FILE).toFile(), this);
  }

  LoadedData withReservePosted() {
    return new LoadedData(size, seed, bulkEvents, true, loadedAt, values);
  }

  /** Whether this load is of the mesh a run is asked for. */
  boolean isOf(BenchOptions options) {
    return size.equals(options.size().label()) && seed == options.seed();
  }
}
