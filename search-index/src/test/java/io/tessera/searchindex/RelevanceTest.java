package io.tessera.searchindex;

import static io.tessera.searchindex.TestCatalog.IRIS;
import static io.tessera.searchindex.TestCatalog.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a consumer types, and the entity that must come first, on the fixed catalog. */
class RelevanceTest {
  private static IndexedCatalog catalog;

  @BeforeAll
  static void index() {
    catalog = IndexedCatalog.open();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        // exact names and titles
        Arguments.of("orders", IRIS.product("sales", "orders")),
        Arguments.of("Customer Orders", IRIS.product("sales", "orders")),
        Arguments.of("order lines", IRIS.product("sales", "order-lines")),
        Arguments.of("customer", IRIS.domain("customer")),
        Arguments.of("Shipments", IRIS.product("logistics", "shipments")),
        Arguments.of("orders-table", IRIS.port("sales", "orders", "orders-table")),
        Arguments.of("Load clickstream", TestCatalog.LOAD_JOB),
        Arguments.of("pii", IRIS.classification("pii")),
        // qualified names
        Arguments.of("sales/orders", IRIS.product("sales", "orders")),
        Arguments.of(
            "sales.public.orders",
            IRIS.dataset("postgres://warehouse:5432", "sales.public.orders")),
        Arguments.of(
            "postgres://warehouse:5432/sales.public.orders",
            IRIS.dataset("postgres://warehouse:5432", "sales.public.orders")),
        Arguments.of(
            "crm.public.customers.email",
            column("customer", "customer-profiles", "customers-table", "email")),
        Arguments.of("clickstream.raw", TestCatalog.CLICKSTREAM),
        Arguments.of(
            "  Sales.Public.Order_Lines ",
            IRIS.dataset("postgres://warehouse:5432", "sales.public.order_lines")),
        // column names
        Arguments.of("voucher_code", column("sales", "orders", "orders-table", "voucher_code")),
        Arguments.of("voucher code", column("sales", "orders", "orders-table", "voucher_code")),
        Arguments.of(
            "churn_probability",
            column("customer", "churn-risk-scores", "churn-scores-table", "churn_probability")),
        Arguments.of(
            "tracking number",
            column("logistics", "shipments", "shipments-table", "tracking_number")),
        Arguments.of(
            "gross margin", column("sales", "order-lines", "order-lines-table", "gross_margin")),
        Arguments.of("page_url", TestCatalog.CLICKSTREAM + "/field/page_url"),
        // typos
        Arguments.of("custmer profiles", IRIS.product("customer", "customer-profiles")),
        Arguments.of("shipmnets", IRIS.product("logistics", "shipments")),
        Arguments.of("warehuose inventory", IRIS.product("logistics", "warehouse-inventory")),
        Arguments.of("foriegn exchange", IRIS.product("finance", "fx-rates")),
        // descriptions
        Arguments.of("ECB reference rates", IRIS.product("finance", "fx-rates")),
        Arguments.of("gradient boosted model", IRIS.product("customer", "churn-risk-scores")),
        Arguments.of("credit notes", IRIS.product("finance", "invoices")),
        // phrases and prefixes
        Arguments.of("\"reference rates\"", IRIS.product("finance", "fx-rates")),
        Arguments.of("invoi*", IRIS.product("finance", "invoices")),
        Arguments.of("warehouse invent", IRIS.product("logistics", "warehouse-inventory")),
        Arguments.of("churn", IRIS.product("customer", "churn-risk-scores")),
        Arguments.of("daily revenue", IRIS.product("sales", "daily-revenue")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("queries")
  void shouldRankTheExpectedEntityFirst(String query, String expectedFirst) {
    SearchResults results = catalog.search(query);

    assertThat(results.hits())
        .as(
            "hits for '%s': %s",
            query, results.hits().stream().limit(5).map(h -> h.iri() + " " + h.score()).toList())
        .isNotEmpty();
    assertThat(results.hits().getFirst().iri()).isEqualTo(expectedFirst);
  }
}
