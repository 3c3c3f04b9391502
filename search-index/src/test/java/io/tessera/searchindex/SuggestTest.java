package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.graphstore.ReadScope;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typeahead: every typed word is a prefix; whole-name prefixes and products come first. */
class SuggestTest {
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
  void shouldSuggestEntitiesWhoseNameStartsWithThePrefix() {
    List<Suggestion> suggestions = suggest("cust", 5);

    assertThat(suggestions).hasSize(5);
    assertThat(suggestions.subList(0, 3))
        .extracting(Suggestion::title)
        .as("products first; physical and in use before designed")
        .containsExactly("Customer Orders", "Customer Profiles", "Customer Invoices");
  }

  @Test
  void shouldTreatEveryWordAsAPrefix() {
    assertThat(suggest("cust ord", 3).getFirst().iri()).isEqualTo(IRIS.product("sales", "orders"));
    assertThat(suggest("prof cust", 3).getFirst().iri())
        .isEqualTo(IRIS.product("customer", "customer-profiles"));
    assertThat(suggest("sales.public.ord", 3))
        .extracting(Suggestion::iri)
        .contains(
            IRIS.dataset("postgres://warehouse:5432", "sales.public.orders"),
            IRIS.dataset("postgres://warehouse:5432", "sales.public.order_lines"));
  }

  @Test
  void shouldSuggestColumnsWithWhereTheyLive() {
    Suggestion voucher = suggest("voucher", 3).getFirst();

    assertThat(voucher.type()).isEqualTo(EntityType.COLUMN);
    assertThat(voucher.title()).isEqualTo("voucher_code");
    assertThat(voucher.context()).isEqualTo("Customer Orders › orders-table");
    assertThat(voucher.qualifiedName()).isEqualTo("sales.public.orders.voucher_code");
  }

  @Test
  void shouldSuggestNothingForAPrefixWithoutWords() {
    assertThat(suggest("", 5)).isEmpty();
    assertThat(suggest("  ()*", 5)).isEmpty();
    assertThat(suggest("zzzzqx", 5)).isEmpty();
  }

  @Test
  void shouldRejectALimitOutOfRange() {
    assertThatThrownBy(() -> suggest("cust", 0)).isInstanceOf(InvalidSearchRequestException.class);
    assertThatThrownBy(() -> suggest("cust", 101))
        .isInstanceOf(InvalidSearchRequestException.class);
  }

  private static List<Suggestion> suggest(String prefix, int limit) {
    return catalog.index.suggest(prefix, limit, ReadScope.everything());
  }
}
