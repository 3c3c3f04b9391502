package io.tessera.searchindex.engine;

import io.tessera.graphstore.CatalogEntities;
import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ReadScope;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.IndexStatus;
import io.tessera.searchindex.SearchIndexConfig;
import io.tessera.searchindex.SearchIndexException;
import io.tessera.searchindex.SearchRequest;
import io.tessera.searchindex.SearchResults;
import io.tessera.searchindex.Suggestion;
import io.tessera.searchindex.document.Analyzers;
import io.tessera.searchindex.document.DocumentMapper;
import io.tessera.searchindex.document.EntryFactory;
import io.tessera.searchindex.query.RankingQuery;
import io.tessera.searchindex.query.ScopeFilter;
import io.tessera.searchindex.query.SuggestQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Assembles the index: the Lucene store, the indexer thread and the executors. {@link
 * io.tessera.searchindex.LuceneSearchIndex} is its public face.
 */
public final class IndexEngine implements AutoCloseable {
  private final IndexStore store;
  private final Indexer indexer;
  private final SearchExecutor searches;
  private final SuggestExecutor suggestions;

  private IndexEngine(SearchIndexConfig config, GraphStore graph, IriMinter iris) {
    Analyzers analyzers = new Analyzers();
    DocumentMapper mapper = new DocumentMapper();
    this.store = IndexStore.open(config, analyzers, mapper);
    this.indexer =
        new Indexer(
            store,
            graph,
            new CatalogEntities(graph, iris),
            new EntryFactory(iris),
            DocumentBuilder.of(mapper, config.embedder()));
    ScopeFilter scopes = new ScopeFilter();
    RankingQuery ranking = new RankingQuery(analyzers);
    this.searches =
        new SearchExecutor(
            store,
            ranking,
            mapper,
            new Snippets(analyzers.text()),
            scopes,
            MeaningSearch.of(config.embedder(), ranking));
    this.suggestions = new SuggestExecutor(store, new SuggestQuery(analyzers), mapper, scopes);
  }

  /**
   * Opens the index, subscribes it to the graph's change feed, and starts indexing (with a rebuild
   * first if the index is not consistent with the graph).
   */
  public static IndexEngine open(SearchIndexConfig config, GraphStore graph, IriMinter iris) {
    IndexEngine engine = new IndexEngine(config, graph, iris);
    graph.subscribe(engine::onCommit);
    engine.indexer.start();
    return engine;
  }

  private void onCommit(List<ChangeEvent> changes) {
    indexer.enqueue(changes);
  }

  public SearchResults search(SearchRequest request, ReadScope scope) {
    return guarded(() -> searches.search(request, scope));
  }

  public List<Suggestion> suggest(String prefix, int limit, ReadScope scope) {
    return guarded(() -> suggestions.suggest(prefix, limit, scope));
  }

  public IndexStatus status() {
    Rebuilder.Progress progress = indexer.progress();
    int documents = guarded(() -> store.withCurrent(s -> s.getIndexReader().numDocs()));
    return new IndexStatus(
        indexer.visibleRevision(),
        documents,
        indexer.staleAtOpen(),
        progress.completed(),
        progress.running(),
        progress.done(),
        progress.total(),
        indexer.pending());
  }

  public CompletableFuture<IndexStatus> rebuild() {
    return indexer.requestRebuild().thenApply(done -> status());
  }

  public boolean awaitRevision(long revision, Duration timeout) throws InterruptedException {
    return indexer.awaitRevision(revision, timeout);
  }

  private static <T> T guarded(Supplier<T> work) {
    try {
      return work.get();
    } catch (UncheckedIOException e) {
      throw new SearchIndexException("search index I/O failed: " + e.getMessage(), e);
    } catch (AlreadyClosedException e) {
      throw new SearchIndexException("the search index is closed", e);
    }
  }

  @Override
  public void close() {
    indexer.close();
    try {
      store.close();
    } catch (IOException e) {
      throw new SearchIndexException("cannot close the search index: " + e.getMessage(), e);
    }
  }
}
