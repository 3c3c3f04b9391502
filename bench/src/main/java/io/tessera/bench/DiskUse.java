package io.tessera.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The data directory's size by store, after the server stopped: the H2 database ({@code db/}: the
 * lineage journal and the relational state), TDB2 ({@code graph/}), Lucene ({@code index/}) and
 * everything together.
 *
 * @param h2 bytes under {@code db/}
 * @param tdb2 bytes under {@code graph/}
 * @param lucene bytes under {@code index/}
 * @param total bytes of the whole directory
 */
record DiskUse(long h2, long tdb2, long lucene, long total) {
  private static final double MIB = 1024.0 * 1024.0;

  static DiskUse of(Path dataDir) throws IOException {
    return new DiskUse(
        bytes(dataDir.resolve("db")),
        bytes(dataDir.resolve("graph")),
        bytes(dataDir.resolve("index")),
        bytes(dataDir));
  }

  /** Puts the total in MiB and each store in MiB per thousand datasets of the mesh. */
  void into(Measurements m, long datasets) {
    double thousands = Math.max(1, datasets) / 1000.0;
    m.values.put("data-dir", total / MIB);
    m.values.put("disk-h2", h2 / MIB / thousands);
    m.values.put("disk-tdb2", tdb2 / MIB / thousands);
    m.values.put("disk-lucene", lucene / MIB / thousands);
    m.values.put("disk-total", total / MIB / thousands);
  }

  private static long bytes(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
