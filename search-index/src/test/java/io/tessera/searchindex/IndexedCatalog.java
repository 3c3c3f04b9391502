package io.tessera.searchindex;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ReadScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The fixed catalog in an in-memory store, and an index that has caught up with it. */
final class IndexedCatalog implements AutoCloseable {
  final GraphStore store;
  final SearchIndex index;

  private IndexedCatalog(GraphStore store, SearchIndex index) {
    this.store = store;
    this.index = index;
  }

  /** Loads the catalog, then opens an in-memory index over it. */
  static IndexedCatalog open() {
    GraphStore store = TestCatalog.newStore();
    TestCatalog.load(store);
    IndexedCatalog catalog =
        new IndexedCatalog(
            store, LuceneSearchIndex.open(SearchIndexConfig.inMemory(), store, TestCatalog.IRIS));
    catalog.awaitGraph(Duration.ofSeconds(30)); // the first rebuild, in a cold JVM
    return catalog;
  }

  /** Waits (at most a second) until the index has caught up with the graph's last commit. */
  /**
   * Waits for the index to take in the last commit. The bound is generous on purpose: on a loaded
   * two-core machine a one-second bound failed while the index was merely late; how fast it is is
   * measured by the benchmarks, not asserted here.
   */
  void awaitGraph() {
    awaitGraph(Duration.ofSeconds(15));
  }

  void awaitGraph(Duration timeout) {
    try {
      assertThat(index.awaitRevision(store.revision(), timeout))
          .as("index caught up with revision %d within %s", store.revision(), timeout)
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  SearchResults search(String query) {
    return index.search(SearchRequest.of(query), ReadScope.everything());
  }

  /** Every hit of a request, following cursors to the end. */
  List<SearchHit> all(SearchRequest request, ReadScope scope) {
    List<SearchHit> hits = new ArrayList<>();
    SearchResults page = index.search(request, scope);
    hits.addAll(page.hits());
    while (page.nextCursor() != null) {
      page = index.search(request.withCursor(page.nextCursor()), scope);
      hits.addAll(page.hits());
    }
    return hits;
  }

  @Override
  public void close() {
    index.close();
    store.close();
  }
}
