package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ReadScope;
import io.tessera.ontology.Lifecycle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index on disk survives a restart without a rebuild, and repairs itself when stale. */
class RestartTest {
  @TempDir Path directory;
  private GraphStore store;

  @BeforeEach
  void loadCatalog() {
    store = TestCatalog.newStore();
    TestCatalog.load(store);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void shouldReopenAConsistentIndexWithoutRebuilding() throws Exception {
    try (SearchIndex first = open()) {
      assertThat(first.awaitRevision(store.revision(), Duration.ofSeconds(30))).isTrue();
      assertThat(first.status().staleAtOpen()).isTrue(); // a new index is empty
      assertThat(first.status().rebuilds()).isEqualTo(1);
    }

    try (SearchIndex second = open()) {
      IndexStatus status = second.status();
      assertThat(status.staleAtOpen()).isFalse();
      assertThat(status.rebuilds()).isZero();
      assertThat(status.revision()).isEqualTo(store.revision());
      assertThat(top(second, "orders")).isEqualTo(IRIS.product("sales", "orders"));
      Thread.sleep(100); // give a (wrong) background rebuild the chance to show itself
      assertThat(second.status().rebuilds()).isZero();
    }
  }

  @Test
  void shouldRebuildAnIndexThatMissedCommitsWhileItWasClosed() throws Exception {
    try (SearchIndex first = open()) {
      assertThat(first.awaitRevision(store.revision(), Duration.ofSeconds(30))).isTrue();
    }
    ProductRepository products = new ProductRepository(store, IRIS);
    store.write(
        w ->
            products.put(
                w,
                TestCatalog.product(
                    "finance",
                    "tax-returns",
                    "VAT Returns",
                    "Quarterly VAT filings.",
                    Lifecycle.IDEATION,
                    List.of(),
                    List.of("tax"),
                    List.of(),
                    List.of())));

    try (SearchIndex second = open()) {
      assertThat(second.status().staleAtOpen()).isTrue();
      assertThat(second.awaitRevision(store.revision(), Duration.ofSeconds(30))).isTrue();
      assertThat(second.status().rebuilds()).isEqualTo(1);
      assertThat(top(second, "VAT Returns")).isEqualTo(IRIS.product("finance", "tax-returns"));
    }
  }

  @Test
  void shouldKeepChangesIndexedBeforeAnOrderlyShutdown() throws Exception {
    ProductRepository products = new ProductRepository(store, IRIS);
    try (SearchIndex first = open()) {
      assertThat(first.awaitRevision(store.revision(), Duration.ofSeconds(30))).isTrue();
      store.write(w -> products.remove(w, "finance", "fx-rates"));
    } // close drains the queue and commits

    try (SearchIndex second = open()) {
      assertThat(second.status().staleAtOpen()).isFalse();
      assertThat(second.search(SearchRequest.of("fx-rates"), ReadScope.everything()).hits())
          .noneMatch(h -> h.iri().startsWith(IRIS.product("finance", "fx-rates")));
    }
  }

  @Test
  void shouldMakeAChangeDurableOnceTheIndexIsIdle() throws Exception {
    ProductRepository products = new ProductRepository(store, IRIS);
    try (SearchIndex index = open()) {
      assertThat(index.awaitRevision(store.revision(), Duration.ofSeconds(30))).isTrue();
      store.write(w -> products.remove(w, "finance", "invoices"));
      assertThat(index.awaitRevision(store.revision(), Duration.ofSeconds(60))).isTrue();

      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String committed = committedRevision();
      while (!committed.equals(Long.toString(store.revision())) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        committed = committedRevision();
      }

      assertThat(committed).isEqualTo(Long.toString(store.revision()));
    }
  }

  private String committedRevision() throws IOException {
    try (Directory dir = FSDirectory.open(directory)) {
      return SegmentInfos.readLatestCommit(dir).getUserData().get("tessera.graph.revision");
    }
  }

  private SearchIndex open() {
    return LuceneSearchIndex.open(SearchIndexConfig.at(directory), store, IRIS);
  }

  private static String top(SearchIndex index, String query) {
    return index.search(SearchRequest.of(query), ReadScope.everything()).hits().getFirst().iri();
  }
}
