package io.tessera.searchindex;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open the index.
 *
 * @param directory where the Lucene index lives; null for an in-memory index (tests)
 * @param cursorRetention how long a replaced index snapshot is kept for cursors issued on it, so
 *     that paging through a result list sees one snapshot
 */
public record SearchIndexConfig(Path directory, Duration cursorRetention) {
  public SearchIndexConfig {
    Objects.requireNonNull(cursorRetention, "cursorRetention");
  }

  /** An index in a directory, keeping snapshots for cursors ten minutes. */
  public static SearchIndexConfig at(Path directory) {
    return new SearchIndexConfig(directory, Duration.ofMinutes(10));
  }

  /** An in-memory index, for tests. */
  public static SearchIndexConfig inMemory() {
    return new SearchIndexConfig(null, Duration.ofMinutes(10));
  }
}
