package io.tessera.catalogserver.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.graphstore.GraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.searchindex.LuceneSearchIndex;
import io.tessera.searchindex.OnnxMiniLmEmbedder;
import io.tessera.searchindex.SearchIndex;
import io.tessera.searchindex.SearchIndexConfig;
import io.tessera.searchindex.TextEmbedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the search-index module: the Lucene index under {@code <data-dir>/index}, following the
 * graph store's change feed, with search by meaning unless {@code tessera.search.semantic.enabled}
 * is false.
 */
@Factory
public class SearchIndexFactory {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexFactory.class);

  /**
   * Opened at start-up, not on the first request: the index subscribes to the change feed before
   * anything is written (the demo loader runs after), and checks the graph revision it last
   * committed against the graph's. A consistent index is used as it is; a stale one is rebuilt in
   * the background while the server already answers. Closed on shutdown after indexing what is
   * queued.
   */
  @Context
  @Bean(preDestroy = "close")
  SearchIndex searchIndex(
      TesseraConfig config, SemanticSearchConfig semantic, GraphStore graph, IriMinter iris) {
    return LuceneSearchIndex.open(
        SearchIndexConfig.at(config.dataDir().resolve("index")).withEmbedder(embedder(semantic)),
        graph,
        iris);
  }

  private static TextEmbedder embedder(SemanticSearchConfig semantic) {
    if (!semantic.enabled()) {
      LOG.info("search by meaning is off (tessera.search.semantic.enabled=false)");
      return null;
    }
    long started = System.nanoTime();
    TextEmbedder model = new OnnxMiniLmEmbedder();
    LOG.info(
        "search by meaning: embedding model {} loaded in {} ms",
        model.modelId(),
        (System.nanoTime() - started) / 1_000_000);
    return model;
  }
}
