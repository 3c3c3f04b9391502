package io.tessera.bench;

import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import io.tessera.searchindex.IndexStatus;
import io.tessera.searchindex.LuceneSearchIndex;
import io.tessera.searchindex.SearchHit;
import io.tessera.searchindex.SearchIndexConfig;
import io.tessera.searchindex.SearchRequest;
import io.tessera.searchindex.SearchResults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The search floor that does the server's work: the search-index library itself, in process, on the
 * server's own TDB2 database and Lucene index after the server stopped. A search is the server's
 * request with the server's defaults (the same ranking query, scope filter, facet counts for every
 * dimension and highlighted snippets, top ten), answered for the admin's scope, which no policy
 * filters; a suggestion is the same top eight. What is left out is only what the server adds on
 * top: HTTP, authentication and JSON.
 */
final class SearchLibraryFloor implements AutoCloseable {
  private final TdbGraphStore graph;
  private final LuceneSearchIndex index;
  private final IndexStatus opened;

  SearchLibraryFloor(Path dataDir) {
    IriMinter iris = new IriMinter(Harness.BASE_IRI);
    graph =
        new TdbGraphStore(
            new GraphStoreConfig(
                dataDir.resolve("graph"), Duration.ofSeconds(30), iris.vocabularyGraph()),
            new TesseraOntology());
    index = LuceneSearchIndex.open(SearchIndexConfig.at(dataDir.resolve("index")), graph, iris);
    opened = index.status();
  }

  /**
   * Whether the index had to be rebuilt when opened (it should not: the server committed it at the
   * graph's revision, unless it stopped before the index had caught up).
   */
  boolean staleAtOpen() {
    return opened.staleAtOpen();
  }

  /**
   * Waits until the index has every graph revision (a stale index rebuilds first), so that the
   * floor never measures a rebuilding index.
   *
   * @return whether it got there within the timeout
   */
  boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      IndexStatus status = index.status();
      if (!status.rebuilding() && status.revision() >= graph.revision() && status.pending() == 0) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  /**
   * Searches like {@code GET /api/v1/search?q=…&limit=10}; returns hits plus snippet and facet
   * sizes.
   */
  long search(String text) {
    SearchResults r =
        index.search(
            new SearchRequest(text, Map.of(), null, 10, SearchRequest.DEFAULT_FACET_LIMIT),
            ReadScope.everything());
    long work = r.total() + r.facets().size();
    for (SearchHit hit : r.hits()) {
      work += hit.snippet() == null ? 0 : hit.snippet().length();
    }
    return work;
  }

  /** Suggests like {@code GET /api/v1/search/suggest?prefix=…} (eight by default). */
  long suggest(String prefix) {
    return index.suggest(prefix, 8, ReadScope.everything()).size();
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      graph.close();
    }
  }
}
