package io.tessera.searchindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tessera.graphstore.ReadScope;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input that would break a query parser is answered normally: Lucene syntax is plain text, long
 * input is cut, any Unicode is accepted.
 */
class HostileQueryTest {
  private static IndexedCatalog catalog;

  @BeforeAll
  static void index() {
    catalog = IndexedCatalog.open();
  }

  @AfterAll
  static void close() {
    catalog.close();
  }

  static Stream<String> hostile() {
    return Stream.of(
        "",
        " ",
        "(",
        ")",
        "title:",
        "title:orders",
        "iri:*",
        "*",
        "**",
        "?",
        "\\",
        "\"",
        "\"unclosed phrase",
        "\"\"",
        "AND",
        "OR NOT",
        "orders AND (customers OR",
        "orders~2",
        "orders^100",
        "[a TO z]",
        "{!lucene}orders",
        "/.*/",
        "&& || ! - + ::",
        "%00 %27 ' ; DROP TABLE",
        "<script>alert(1)</script>",
        "\u0000\u0001\u001f",
        "\uD800 lone surrogate \uDC00",
        "\u202Eright-to-left override",
        "東京 注文",
        "Straße ÄÖÜ ﬁle",
        "💥🔥 orders",
        "a".repeat(10_000),
        "orders ".repeat(2_000),
        "x*".repeat(500),
        "*".repeat(1_000),
        "\"".repeat(301),
        "custmerrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr",
        String.join(
            " ", Arrays.asList("a b c d e f g h i j k l m n o p q r s t u v w x y z".split(" "))));
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("hostile")
  void shouldAnswerSearchesWithoutError(String query) {
    assertThatCode(
            () -> {
              SearchResults results = catalog.search(query);
              assertThat(results.total()).isGreaterThanOrEqualTo(results.hits().size());
              if (results.nextCursor() != null) {
                catalog.index.search(
                    SearchRequest.of(query).withCursor(results.nextCursor()),
                    ReadScope.everything());
              }
            })
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "[{index}]")
  @MethodSource("hostile")
  void shouldAnswerSuggestionsWithoutError(String prefix) {
    assertThatCode(() -> catalog.index.suggest(prefix, 10, ReadScope.everything()))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldTreatLuceneSyntaxAsPlainWords() {
    String orders = TestCatalog.IRIS.product("sales", "orders");
    assertThat(catalog.search("(orders)").hits().getFirst().iri()).isEqualTo(orders);
    assertThat(catalog.search("customer AND (orders OR").hits().getFirst().iri()).isEqualTo(orders);
    assertThat(catalog.search("title:orders").total()).as("the words title and orders").isZero();
    assertThat(catalog.search("iri:*").total()).isZero();
  }

  @Test
  void shouldListEverythingForABlankQuery() {
    assertThat(catalog.search("   ").total()).isEqualTo(catalog.search("").total());
    assertThat(catalog.search("").total()).isGreaterThan(50);
  }

  @Test
  void shouldRejectACursorItDidNotIssueOrThatBelongsToAnotherSearch() {
    SearchResults orders =
        catalog.index.search(SearchRequest.of("order").withLimit(2), ReadScope.everything());

    String otherVersion =
        java.util.Base64.getUrlEncoder()
            .encodeToString(
                "c0|1|0|ab|https://tessera.test/x"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String bad :
        new String[] {"nonsense", "!!!", "YzF8MXwy", otherVersion, "x".repeat(9000)}) {
      assertThatCode(
              () ->
                  catalog.index.search(
                      SearchRequest.of("order").withLimit(2).withCursor(bad),
                      ReadScope.everything()))
          .as(bad)
          .isInstanceOf(InvalidSearchRequestException.class);
    }
    assertThatCode(
            () ->
                catalog.index.search(
                    SearchRequest.of("customer").withLimit(2).withCursor(orders.nextCursor()),
                    ReadScope.everything()))
        .isInstanceOf(InvalidSearchRequestException.class)
        .hasMessageContaining("another search");
  }
}
