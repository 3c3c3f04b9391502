package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.searchindex.document.IndexFields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search by meaning with the real embedding model (quantized all-MiniLM-L6-v2 through ONNX
 * Runtime): an entity described in other words is found, exact names still come first, the
 * visibility scope holds for the vector part, the off-switch writes no vectors, and another model
 * id re-embeds the index.
 */
class SemanticSearchTest {
  /** None of its words is in the churn product's title, name, description or tags. */
  private static final String CHURN_IN_OTHER_WORDS = "predict customers leaving";

  private static final String CHURN = IRIS.product("customer", "churn-risk-scores");
  private static final VisibilityScope WITHOUT_CHURN =
      VisibilityScope.allGraphsExcept(Set.of(IRIS.productGraph("customer", "churn-risk-scores")));

  private static TextEmbedder model;

  @TempDir Path directory;
  private GraphStore store;

  @BeforeAll
  static void loadModel() {
    model = new OnnxMiniLmEmbedder();
  }

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
  void shouldFindAProductDescribedInOtherWords() throws Exception {
    try (SearchIndex index = open(model)) {
      SearchResults byMeaning = index.search(SearchRequest.of(CHURN_IN_OTHER_WORDS), everything());
      List<String> top3 = byMeaning.hits().stream().limit(3).map(SearchHit::iri).toList();
      assertThat(top3).contains(CHURN);
      SearchHit churn =
          byMeaning.hits().stream().filter(h -> h.iri().equals(CHURN)).findFirst().orElseThrow();
      assertThat(churn.matchedByMeaning()).isTrue();
      assertThat(byMeaning.total()).isEqualTo(countAll(index, CHURN_IN_OTHER_WORDS, true));

      SearchResults byWords =
          index.search(SearchRequest.of(CHURN_IN_OTHER_WORDS).withSemantic(false), everything());
      assertThat(byWords.hits()).extracting(SearchHit::iri).doesNotContain(CHURN);
    }
  }

  @Test
  void shouldStillRankExactAndQualifiedNamesFirst() throws Exception {
    try (SearchIndex index = open(model)) {
      assertThat(first(index, "orders")).isEqualTo(IRIS.product("sales", "orders"));
      assertThat(first(index, "sales/orders")).isEqualTo(IRIS.product("sales", "orders"));
      assertThat(first(index, "Churn Risk Scores")).isEqualTo(CHURN);
      SearchHit exact = index.search(SearchRequest.of("orders"), everything()).hits().getFirst();
      assertThat(exact.matchedByMeaning()).isFalse();
    }
  }

  @Test
  void shouldNeverSurfaceAHiddenProductByMeaning() throws Exception {
    try (SearchIndex index = open(model)) {
      ReadScope hidden = ReadScope.of(WITHOUT_CHURN);
      SearchRequest request = SearchRequest.of(CHURN_IN_OTHER_WORDS).withLimit(100);
      SearchResults results = index.search(request, hidden);
      assertThat(results.hits()).extracting(SearchHit::iri).noneMatch(i -> i.startsWith(CHURN));
      assertThat(results.total()).isEqualTo(results.hits().size());
      assertThat(results.facet(FacetDimension.TYPE))
          .allSatisfy(c -> assertThat(c.count()).isLessThanOrEqualTo(results.total()));
      // the caller who may see it finds it with the same words
      assertThat(index.search(request, everything()).hits())
          .extracting(SearchHit::iri)
          .contains(CHURN);
    }
  }

  @Test
  void shouldWriteNoVectorsWhenSwitchedOff() throws Exception {
    try (SearchIndex index = open(null)) {
      SearchResults results = index.search(SearchRequest.of(CHURN_IN_OTHER_WORDS), everything());
      assertThat(results.hits()).extracting(SearchHit::iri).doesNotContain(CHURN);
      assertThat(results.hits()).noneMatch(SearchHit::matchedByMeaning);
    }
    assertThat(vectors()).isZero();
    assertThat(committedModel()).isEqualTo("none");

    try (SearchIndex index = open(model)) {
      assertThat(index.status().staleAtOpen()).isTrue();
    }
    assertThat(vectors()).isPositive();
    assertThat(committedModel()).isEqualTo(model.modelId());
  }

  @Test
  void shouldEmbedAgainWhenTheModelChanges() throws Exception {
    try (SearchIndex index = open(model)) {
      assertThat(index.status().rebuilds()).isEqualTo(1);
    }
    try (SearchIndex index = open(model)) {
      assertThat(index.status().staleAtOpen()).isFalse();
      assertThat(index.status().rebuilds()).isZero();
    }
    TextEmbedder next = new Renamed(model, model.modelId() + "-next");
    try (SearchIndex index = open(next)) {
      assertThat(index.status().staleAtOpen()).isTrue();
      assertThat(index.status().rebuilds()).isEqualTo(1);
      assertThat(index.search(SearchRequest.of(CHURN_IN_OTHER_WORDS), everything()).hits())
          .extracting(SearchHit::iri)
          .contains(CHURN);
    }
    assertThat(committedModel()).isEqualTo(model.modelId() + "-next");
    assertThat(vectors()).isPositive();
  }

  /** The same model under another id, as a new version of it would be. */
  private record Renamed(TextEmbedder model, String modelId) implements TextEmbedder {
    @Override
    public int dimensions() {
      return model.dimensions();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      return model.embed(texts);
    }
  }

  private SearchIndex open(TextEmbedder embedder) throws InterruptedException {
    SearchIndex index =
        LuceneSearchIndex.open(SearchIndexConfig.at(directory).withEmbedder(embedder), store, IRIS);
    assertThat(index.awaitRevision(store.revision(), Duration.ofSeconds(60))).isTrue();
    return index;
  }

  private static String first(SearchIndex index, String query) {
    return index.search(SearchRequest.of(query), everything()).hits().getFirst().iri();
  }

  private static long countAll(SearchIndex index, String query, boolean semantic) {
    SearchRequest request = SearchRequest.of(query).withSemantic(semantic).withLimit(1);
    long seen = 0;
    SearchResults page = index.search(request, everything());
    seen += page.hits().size();
    while (page.nextCursor() != null) {
      page = index.search(request.withCursor(page.nextCursor()), everything());
      seen += page.hits().size();
    }
    return seen;
  }

  private static ReadScope everything() {
    return ReadScope.everything();
  }

  /** How many documents of the last commit have a vector. */
  private long vectors() throws IOException {
    try (Directory dir = FSDirectory.open(directory);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      long count = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values != null) {
          count += values.size();
        }
      }
      return count;
    }
  }

  private String committedModel() throws IOException {
    try (Directory dir = FSDirectory.open(directory)) {
      Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
      return data.get(IndexFields.COMMIT_EMBEDDING_MODEL);
    }
  }
}
