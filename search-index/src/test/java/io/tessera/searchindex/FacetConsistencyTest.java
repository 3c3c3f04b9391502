package io.tessera.searchindex;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Facet counts and totals agree with what paging through the results gives, for every facet value
 * of every dimension, with and without filters and visibility restrictions.
 */
class FacetConsistencyTest {
  private static IndexedCatalog catalog;

  @BeforeAll
  static void index() {
    catalog = IndexedCatalog.open();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  static Stream<Arguments> searches() {
    VisibilityScope churnHidden =
        VisibilityScope.allGraphsExcept(
            java.util.Set.of(TestCatalog.IRIS.productGraph("customer", "churn-risk-scores")));
    ReadScope withoutChurn = ReadScope.of(churnHidden);
    ReadScope churnUnreadable = new ReadScope(VisibilityScope.everything(), churnHidden);
    return Stream.of(
        Arguments.of(request(""), ReadScope.everything()),
        Arguments.of(request("customer"), ReadScope.everything()),
        Arguments.of(request("order"), ReadScope.everything()),
        Arguments.of(request("id"), ReadScope.everything()),
        Arguments.of(request("").withFilter(FacetDimension.TYPE, "column"), withoutChurn),
        Arguments.of(
            request("customer").withFilter(FacetDimension.CLASSIFICATION, "pii"), withoutChurn),
        Arguments.of(
            request("")
                .withFilter(FacetDimension.DOMAIN, "sales", "customer")
                .withFilter(FacetDimension.LIFECYCLE, "consume"),
            ReadScope.everything()),
        Arguments.of(request("").withFilter(FacetDimension.PLATFORM, "postgres"), withoutChurn),
        Arguments.of(request(""), churnUnreadable),
        Arguments.of(request("churn"), churnUnreadable),
        Arguments.of(request("").withFilter(FacetDimension.TYPE, "column"), churnUnreadable),
        Arguments.of(request("").withFilter(FacetDimension.LIFECYCLE, "physical"), churnUnreadable),
        Arguments.of(
            request("")
                .withFilter(FacetDimension.STATE, "planned")
                .withFilter(FacetDimension.LIFECYCLE, "design"),
            withoutChurn));
  }

  @org.junit.jupiter.api.Test
  void shouldKeepTheStateAndTheDeclaredLifecycleApart() {
    SearchResults all =
        catalog.index.search(SearchRequest.of("").withLimit(3), ReadScope.everything());
    assertThat(all.facet(FacetDimension.STATE))
        .extracting(FacetCount::value)
        .containsExactlyInAnyOrder("planned", "physical");
    assertThat(all.facet(FacetDimension.LIFECYCLE))
        .extracting(FacetCount::value)
        .isNotEmpty()
        .doesNotContain("planned", "physical");
    SearchRequest old = SearchRequest.of("").withFilter(FacetDimension.LIFECYCLE, "planned");
    assertThat(old.filters())
        .as("lifecycle=planned, as clients sent it before, is a state filter")
        .isEqualTo(Map.of(FacetDimension.STATE, java.util.Set.of("planned")));
    assertThat(catalog.index.search(old, ReadScope.everything()).total())
        .isEqualTo(
            catalog
                .index
                .search(
                    SearchRequest.of("").withFilter(FacetDimension.STATE, "planned"),
                    ReadScope.everything())
                .total())
        .isPositive();
  }

  private static SearchRequest request(String query) {
    return SearchRequest.of(query).withLimit(3);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("searches")
  void shouldCountExactlyWhatPagingShows(SearchRequest request, ReadScope scope) {
    SearchResults first =
        catalog.index.search(
            new SearchRequest(request.query(), request.filters(), null, 3, 100), scope);
    List<SearchHit> all = catalog.all(request, scope);

    assertThat(all).hasSize((int) first.total());
    assertThat(all.stream().map(SearchHit::iri).distinct()).hasSize(all.size());
    for (FacetDimension dim : FacetDimension.values()) {
      Map<String, Long> paged = new HashMap<>();
      all.forEach(hit -> hit.values(dim).forEach(v -> paged.merge(v, 1L, Long::sum)));
      Map<String, Long> counted = new HashMap<>();
      first.facet(dim).forEach(c -> counted.put(c.value(), c.count()));
      assertThat(counted).as("facet %s", dim).isEqualTo(paged);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("searches")
  void shouldGiveEachFacetCountAsTheTotalOfFilteringByIt(SearchRequest request, ReadScope scope) {
    SearchResults first = catalog.index.search(request, scope);
    for (FacetDimension dim : FacetDimension.values()) {
      if (!request.filter(dim).isEmpty()) {
        continue; // adding a value to a dimension already filtered widens (any of), by design
      }
      for (FacetCount count : first.facet(dim)) {
        SearchResults narrowed =
            catalog.index.search(request.withFilter(dim, count.value()), scope);
        assertThat(narrowed.total()).as("%s=%s", dim, count.value()).isEqualTo(count.count());
      }
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("searches")
  void shouldAnswerTheSamePagesWithoutFacetsOrSnippets(SearchRequest request, ReadScope scope) {
    SearchRequest lean = request.withCounted(java.util.Set.of()).withHighlight(false);
    SearchRequest full = request;
    while (true) {
      SearchResults withAll = catalog.index.search(full, scope);
      SearchResults without = catalog.index.search(lean, scope);
      assertThat(without.total()).isEqualTo(withAll.total());
      assertThat(without.hits())
          .extracting(SearchHit::iri)
          .isEqualTo(withAll.hits().stream().map(SearchHit::iri).toList());
      assertThat(without.hits())
          .extracting(SearchHit::score)
          .isEqualTo(withAll.hits().stream().map(SearchHit::score).toList());
      assertThat(without.facets()).as("no facet was asked for").isEmpty();
      assertThat(without.hits()).extracting(SearchHit::snippet).containsOnlyNulls();
      assertThat(without.nextCursor() == null).isEqualTo(withAll.nextCursor() == null);
      if (withAll.nextCursor() == null) {
        return;
      }
      full = full.withCursor(withAll.nextCursor());
      lean = lean.withCursor(without.nextCursor());
    }
  }

  @org.junit.jupiter.api.Test
  void shouldCountOnlyTheDimensionsAskedFor() {
    SearchResults some =
        catalog.index.search(
            request("customer").withCounted(java.util.Set.of(FacetDimension.DOMAIN)),
            ReadScope.everything());
    SearchResults all = catalog.index.search(request("customer"), ReadScope.everything());
    assertThat(some.facets()).containsOnlyKeys(FacetDimension.DOMAIN);
    assertThat(some.facet(FacetDimension.DOMAIN)).isEqualTo(all.facet(FacetDimension.DOMAIN));
    assertThat(all.hits()).extracting(SearchHit::snippet).doesNotContainNull();
  }
}
