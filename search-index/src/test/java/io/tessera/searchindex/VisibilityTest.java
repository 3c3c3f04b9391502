package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product the caller may not see leaves no trace: not in hits, totals, facet counts or
 * suggestions, and neither do its ports, columns, the datasets only it describes and the terms only
 * it uses.
 */
class VisibilityTest {
  private static final String CHURN = IRIS.product("customer", "churn-risk-scores");
  private static final String CHURN_DATASET =
      IRIS.dataset("bigquery", "acme-analytics.customer.churn_scores");
  private static final String ML_TERM = IRIS.classification("ml-sensitive");
  private static final VisibilityScope WITHOUT_CHURN =
      VisibilityScope.allGraphsExcept(Set.of(IRIS.productGraph("customer", "churn-risk-scores")));
  private static final Predicate<SearchHit> OF_CHURN =
      h -> h.iri().startsWith(CHURN) || h.iri().equals(CHURN_DATASET) || h.iri().equals(ML_TERM);

  private static IndexedCatalog catalog;

  @BeforeAll
  static void index() {
    catalog = IndexedCatalog.open();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  @Test
  void shouldLeaveNoTraceOfAHiddenProductInHitsAndTotals() {
    List<SearchHit> everything = all("", VisibilityScope.everything());
    List<SearchHit> scoped = all("", WITHOUT_CHURN);
    long churnDocs = everything.stream().filter(OF_CHURN).count();

    assertThat(churnDocs).as("product, port, 2 columns, dataset, term").isEqualTo(6);
    assertThat(scoped).noneMatch(OF_CHURN);
    assertThat(scoped).hasSize(everything.size() - (int) churnDocs);
    assertThat(search("", WITHOUT_CHURN).total()).isEqualTo(scoped.size());
    for (String query :
        List.of(
            "churn",
            "Churn Risk Scores",
            "churn_probability",
            "ml-sensitive",
            "acme-analytics.customer.churn_scores",
            "gradient boosted model",
            "churn*")) {
      SearchResults results = search(query, WITHOUT_CHURN);
      assertThat(results.hits()).as(query).noneMatch(OF_CHURN);
      assertThat(results.total()).as(query).isEqualTo(results.hits().size());
    }
  }

  @Test
  void shouldLeaveNoTraceOfAHiddenProductInFacetCounts() {
    SearchResults everything = search("", VisibilityScope.everything());
    SearchResults scoped = search("", WITHOUT_CHURN);

    assertThat(values(everything, FacetDimension.TAG)).contains("machine-learning", "retention");
    assertThat(values(scoped, FacetDimension.TAG)).doesNotContain("machine-learning", "retention");
    assertThat(values(scoped, FacetDimension.PLATFORM)).doesNotContain("bigquery");
    assertThat(values(scoped, FacetDimension.CLASSIFICATION)).doesNotContain("ml-sensitive");
    assertThat(values(scoped, FacetDimension.LIFECYCLE)).doesNotContain("build");
    assertThat(values(scoped, FacetDimension.OWNER))
        .doesNotContain("mailto:customer-churn-risk-scores@acme.example");
    assertThat(count(scoped, FacetDimension.DOMAIN, "customer"))
        .isEqualTo(count(everything, FacetDimension.DOMAIN, "customer") - 5);
  }

  @Test
  void shouldLeaveNoTraceOfAHiddenProductInSuggestions() {
    assertThat(catalog.index.suggest("chur", 10, ReadScope.everything()))
        .extracting(Suggestion::iri)
        .contains(CHURN);
    for (String prefix : List.of("chur", "churn risk", "churn_prob", "ml-sens", "acme-analytics")) {
      assertThat(catalog.index.suggest(prefix, 20, ReadScope.of(WITHOUT_CHURN)))
          .as(prefix)
          .extracting(Suggestion::iri)
          .noneMatch(
              iri -> iri.startsWith(CHURN) || iri.equals(CHURN_DATASET) || iri.equals(ML_TERM));
    }
  }

  @Test
  void shouldKeepADatasetVisibleWhenOnlyAHiddenReaderMentionsItBesidesItsProducer() {
    String customers = IRIS.dataset("postgres://crm:5432", "crm.public.customers");

    assertThat(all("crm.public.customers", WITHOUT_CHURN))
        .extracting(SearchHit::iri)
        .contains(customers);
    VisibilityScope withoutProfiles =
        VisibilityScope.allGraphsExcept(Set.of(IRIS.productGraph("customer", "customer-profiles")));
    assertThat(all("crm.public.customers", withoutProfiles))
        .extracting(SearchHit::iri)
        .doesNotContain(customers);
  }

  @Test
  void shouldShowOnlyWhatAnOnlyGraphsScopeCovers() {
    VisibilityScope salesOnly =
        VisibilityScope.onlyGraphs(
            Set.of(TestCatalog.BASE + "/graph/product/sales", IRIS.domainGraph("sales")));

    List<SearchHit> hits = all("", salesOnly);

    assertThat(hits).isNotEmpty();
    assertThat(hits)
        .allSatisfy(h -> assertThat(h.values(FacetDimension.DOMAIN)).isSubsetOf("sales"));
    assertThat(hits)
        .extracting(SearchHit::iri)
        .contains(IRIS.domain("sales"), IRIS.product("sales", "orders"), IRIS.classification("pii"))
        .doesNotContain(
            TestCatalog.CLICKSTREAM, IRIS.domain("customer"), IRIS.classification("public"));
    assertThat(search("", salesOnly).facet(FacetDimension.DOMAIN))
        .extracting(FacetCount::value)
        .containsExactly("sales");
  }

  @Test
  void shouldHideEverythingFromAScopeThatAllowsNoGraph() {
    VisibilityScope nothing = VisibilityScope.onlyGraphs(Set.of("urn:nowhere"));

    assertThat(search("", nothing).total()).isZero();
    assertThat(search("", nothing).facets()).isEmpty();
    assertThat(catalog.index.suggest("c", 10, ReadScope.of(nothing))).isEmpty();
  }

  private static List<SearchHit> all(String query, VisibilityScope scope) {
    return catalog.all(SearchRequest.of(query).withLimit(100), ReadScope.of(scope));
  }

  private static SearchResults search(String query, VisibilityScope scope) {
    return catalog.index.search(
        new SearchRequest(query, java.util.Map.of(), null, 10, 100), ReadScope.of(scope));
  }

  private static List<String> values(SearchResults results, FacetDimension dim) {
    return results.facet(dim).stream().map(FacetCount::value).toList();
  }

  private static long count(SearchResults results, FacetDimension dim, String value) {
    return results.facet(dim).stream()
        .filter(c -> c.value().equals(value))
        .mapToLong(FacetCount::count)
        .sum();
  }
}
