package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product the caller may discover but not read is found by what discovering shows (title, name,
 * description, tags) and never by its details: its ports and columns are absent from hits, totals,
 * facet counts and suggestions, and neither it nor its dataset match on its column names.
 */
class ReadScopeTest {
  private static final String VAULT = IRIS.product("finance", "vault-accounts");
  private static final String VAULT_DATASET =
      IRIS.dataset("postgres://vault:5432", "finance.public.vault_accounts");
  private static final ReadScope UNREADABLE =
      new ReadScope(
          VisibilityScope.everything(),
          VisibilityScope.allGraphsExcept(Set.of(IRIS.productGraph("finance", "vault-accounts"))));

  private static IndexedCatalog catalog;

  @BeforeAll
  static void index() {
    catalog = IndexedCatalog.open();
    ProductRepository products = new ProductRepository(catalog.store, IRIS);
    catalog.store.write(w -> products.put(w, vaultAccounts()));
    catalog.awaitGraph();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  @Test
  void shouldNotFindAnUnreadableProductByItsColumnOrPortNames() {
    for (String query : List.of("zelkova_iban", "zelkova_bic", "zelkova", "zelk*", "iban")) {
      assertThat(search(query, ReadScope.everything()).total()).as(query).isPositive();
      SearchResults results = search(query, UNREADABLE);
      assertThat(results.total()).as(query).isZero();
      assertThat(results.hits()).as(query).isEmpty();
      assertThat(results.facets()).as(query).isEmpty();
    }
  }

  @Test
  void shouldStillFindTheUnreadableProductAndItsDatasetByWhatDiscoveringShows() {
    assertThat(search("Vault Accounts", UNREADABLE).hits().getFirst().iri()).isEqualTo(VAULT);
    assertThat(search("supplier bank accounts", UNREADABLE).hits())
        .extracting(SearchHit::iri)
        .contains(VAULT);
    assertThat(search("finance.public.vault_accounts", UNREADABLE).hits().getFirst().iri())
        .isEqualTo(VAULT_DATASET);

    List<SearchHit> readable = catalog.all(SearchRequest.of("").withLimit(100), everything());
    List<SearchHit> unreadable = catalog.all(SearchRequest.of("").withLimit(100), UNREADABLE);
    assertThat(readable).filteredOn(h -> h.iri().startsWith(VAULT)).hasSize(4);
    assertThat(unreadable)
        .filteredOn(h -> h.iri().startsWith(VAULT))
        .extracting(SearchHit::iri)
        .containsExactly(VAULT);
    assertThat(unreadable.stream().map(SearchHit::iri).distinct()).hasSize(unreadable.size());
    assertThat(readable.stream().map(SearchHit::iri).distinct()).hasSize(readable.size());
    assertThat(unreadable).hasSize(readable.size() - 3);
  }

  @Test
  void shouldCountFacetsAsTheHitsOfAReadScope() {
    SearchResults first = search("", UNREADABLE);
    List<SearchHit> all = catalog.all(SearchRequest.of("").withLimit(100), UNREADABLE);

    assertThat(first.total()).isEqualTo(all.size());
    for (FacetDimension dim : FacetDimension.values()) {
      Map<String, Long> paged = new HashMap<>();
      all.forEach(hit -> hit.values(dim).forEach(v -> paged.merge(v, 1L, Long::sum)));
      Map<String, Long> counted = new HashMap<>();
      first.facet(dim).forEach(c -> counted.put(c.value(), c.count()));
      assertThat(counted).as("facet %s", dim).isEqualTo(paged);
    }
    assertThat(count(first, FacetDimension.TYPE, "column"))
        .isEqualTo(count(search("", everything()), FacetDimension.TYPE, "column") - 2);
    assertThat(count(first, FacetDimension.TYPE, "port"))
        .isEqualTo(count(search("", everything()), FacetDimension.TYPE, "port") - 1);
    assertThat(count(first, FacetDimension.TYPE, "product"))
        .isEqualTo(count(search("", everything()), FacetDimension.TYPE, "product"));
  }

  @Test
  void shouldNotSuggestAnUnreadableProductsColumns() {
    assertThat(catalog.index.suggest("zelkova", 10, everything()))
        .extracting(Suggestion::iri)
        .isNotEmpty();
    assertThat(catalog.index.suggest("zelkova", 10, UNREADABLE)).isEmpty();
    assertThat(catalog.index.suggest("vault-accounts-t", 10, UNREADABLE)).isEmpty();
    assertThat(catalog.index.suggest("vault acc", 10, UNREADABLE))
        .extracting(Suggestion::iri)
        .contains(VAULT);
  }

  private static ReadScope everything() {
    return ReadScope.everything();
  }

  private static SearchResults search(String query, ReadScope scope) {
    return catalog.index.search(new SearchRequest(query, Map.of(), null, 10, 100), scope);
  }

  private static long count(SearchResults results, FacetDimension dim, String value) {
    return results.facet(dim).stream()
        .filter(c -> c.value().equals(value))
        .mapToLong(FacetCount::count)
        .findFirst()
        .orElse(0);
  }

  private static io.tessera.graphstore.Product vaultAccounts() {
    return TestCatalog.product(
        "finance",
        "vault-accounts",
        "Vault Accounts",
        "Bank accounts of suppliers, for payment runs.",
        Lifecycle.DESIGN,
        List.of("internal"),
        List.of("payments"),
        List.of(
            TestCatalog.port(
                "vault-accounts-table",
                PortType.TABLE,
                "postgres://vault:5432",
                "finance.public.vault_accounts",
                TestCatalog.field("zelkova_iban", "string", "Account number"),
                TestCatalog.field("zelkova_bic", "string", "Bank code"))),
        List.of());
  }
}
