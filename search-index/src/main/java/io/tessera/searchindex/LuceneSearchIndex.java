package io.tessera.searchindex;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ReadScope;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.engine.IndexEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Lucene search index of the catalog, on disk or in memory.
 *
 * <p>{@link #open} subscribes it to the graph's change feed and compares the graph revision stored
 * in the index's last commit with the graph's: if they differ (or the index is new, or was written
 * with another document layout) it rebuilds in the background, otherwise it starts as it is. Each
 * committed change is indexed on the index's own thread and is searchable typically within
 * milliseconds; {@link #awaitRevision} waits for it.
 */
public final class LuceneSearchIndex implements SearchIndex {
  private final IndexEngine engine;

  private LuceneSearchIndex(IndexEngine engine) {
    this.engine = engine;
  }

  /**
   * Opens (or creates) the index and starts following the graph.
   *
   * @throws SearchIndexException if the index directory cannot be opened
   */
  public static LuceneSearchIndex open(SearchIndexConfig config, GraphStore graph, IriMinter iris) {
    return new LuceneSearchIndex(IndexEngine.open(config, graph, iris));
  }

  @Override
  public SearchResults search(SearchRequest request, ReadScope scope) {
    return engine.search(request, scope);
  }

  @Override
  public List<Suggestion> suggest(String prefix, int limit, ReadScope scope) {
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new InvalidSearchRequestException(
          "limit must be between 1 and " + SearchRequest.MAX_LIMIT);
    }
    return engine.suggest(prefix, limit, scope);
  }

  @Override
  public IndexStatus status() {
    return engine.status();
  }

  @Override
  public CompletableFuture<IndexStatus> rebuild() {
    return engine.rebuild();
  }

  @Override
  public boolean awaitRevision(long revision, Duration timeout) throws InterruptedException {
    return engine.awaitRevision(revision, timeout);
  }

  /** Finishes the queued changes, commits and closes the index. */
  @Override
  public void close() {
    engine.close();
  }
}
