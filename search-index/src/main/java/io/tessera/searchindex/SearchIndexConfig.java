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
 * @param embedder the sentence-embedding model for search by meaning; null switches it off: no
 *     vectors are written and searches rank by words only
 */
public record SearchIndexConfig(Path directory, Duration cursorRetention, TextEmbedder embedder) {
  public SearchIndexConfig {
    Objects.requireNonNull(cursorRetention, "cursorRetention");
  }

  /** A configuration without search by meaning. */
  public SearchIndexConfig(Path directory, Duration cursorRetention) {
    this(directory, cursorRetention, null);
  }

  /** An index in a directory, keeping snapshots for cursors ten minutes. */
  public static SearchIndexConfig at(Path directory) {
    return new SearchIndexConfig(directory, Duration.ofMinutes(10));
  }

  /** An in-memory index, for tests. */
  public static SearchIndexConfig inMemory() {
    return new SearchIndexConfig(null, Duration.ofMinutes(10));
  }

  /** The same configuration with search by meaning through this model (null: off). */
  public SearchIndexConfig withEmbedder(TextEmbedder model) {
    return new SearchIndexConfig(directory, cursorRetention, model);
  }

  /** Whether vectors are written and searched. */
  public boolean semantic() {
    return embedder != null;
  }

  /**
   * What the index's commits record as their embedding model: the model id, or {@code none} when
   * search by meaning is off. An index committed with another value is rebuilt at open.
   */
  public String embeddingModelId() {
    return embedder == null ? "none" : embedder.modelId();
  }
}
