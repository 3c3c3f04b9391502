package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ReadScope;
import io.tessera.ontology.Lifecycle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cursor paging: every result exactly once, best first, and pages that do not shift when the index
 * changes between them.
 */
class CursorPagingTest {
  private IndexedCatalog catalog;

  @BeforeEach
  void index() {
    catalog = IndexedCatalog.open();
  }

  @AfterEach
  void close() {
    catalog.close();
  }

  @Test
  void shouldReturnEveryResultOnceInRankOrder() {
    SearchRequest request = SearchRequest.of("customer").withLimit(4);
    SearchResults first = catalog.index.search(request, ReadScope.everything());

    List<SearchHit> paged = catalog.all(request, ReadScope.everything());
    List<SearchHit> single =
        catalog.index.search(request.withLimit(100), ReadScope.everything()).hits();

    assertThat(paged).hasSize((int) first.total());
    assertThat(paged)
        .extracting(SearchHit::iri)
        .containsExactlyElementsOf(single.stream().map(SearchHit::iri).toList());
    for (int i = 1; i < paged.size(); i++) {
      assertThat(paged.get(i).score()).isLessThanOrEqualTo(paged.get(i - 1).score());
    }
  }

  @Test
  void shouldKeepPagesStableWhenTheIndexChangesBetweenThem() {
    SearchRequest request = SearchRequest.of("customer").withLimit(3);
    SearchResults first = catalog.index.search(request, ReadScope.everything());
    SearchRequest second = request.withCursor(first.nextCursor());
    SearchResults before = catalog.index.search(second, ReadScope.everything());

    ProductRepository products = new ProductRepository(catalog.store, IRIS);
    catalog.store.write(
        w ->
            products.put(
                w,
                TestCatalog.product(
                    "customer",
                    "customer-lifetime-value",
                    "Customer Lifetime Value",
                    "Expected customer revenue over the next three years, per customer.",
                    Lifecycle.IDEATION,
                    List.of(),
                    List.of("customer"),
                    List.of(),
                    List.of())));
    catalog.awaitGraph();
    SearchResults after = catalog.index.search(second, ReadScope.everything());

    assertThat(after.hits())
        .extracting(SearchHit::iri)
        .containsExactlyElementsOf(before.hits().stream().map(SearchHit::iri).toList());
    assertThat(after.total()).isEqualTo(first.total());
    assertThat(catalog.index.search(request, ReadScope.everything()).total())
        .as("a new first page sees the change")
        .isEqualTo(first.total() + 1);
  }

  @Test
  void shouldBrowseEverythingWithAStableOrder() {
    SearchRequest browse = SearchRequest.of("").withLimit(7);

    List<SearchHit> once = catalog.all(browse, ReadScope.everything());
    List<SearchHit> again = catalog.all(browse, ReadScope.everything());

    assertThat(once)
        .extracting(SearchHit::iri)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(again.stream().map(SearchHit::iri).toList());
    assertThat(once.getFirst().type()).isEqualTo(EntityType.DATA_PRODUCT);
  }
}
