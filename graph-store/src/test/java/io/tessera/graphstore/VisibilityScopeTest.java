package io.tessera.graphstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisibilityScopeTest {
  static final String ORDERS = "https://catalog.example/graph/product/sales/orders";

  @Test
  void shouldAllowEveryGraphInTheEverythingScope() {
    VisibilityScope scope = VisibilityScope.everything();

    assertThat(scope.isEverything()).isTrue();
    assertThat(scope.allows(ORDERS)).isTrue();
    assertThat(scope.allowsAll(List.of())).isTrue();
    assertThat(scope.allowsAny(List.of())).isFalse();
  }

  @Test
  void shouldCoverGraphsBelowAListedGraphButNotItsSiblings() {
    VisibilityScope scope = VisibilityScope.onlyGraphs(Set.of(ORDERS));

    assertThat(scope.allows(ORDERS)).isTrue();
    assertThat(scope.allows(ORDERS + "/observed")).isTrue();
    assertThat(scope.allows(ORDERS + "-v2")).isFalse();
    assertThat(scope.allows("https://catalog.example/graph/product/sales")).isFalse();
    assertThat(
            VisibilityScope.onlyGraphs(Set.of("https://catalog.example/graph/product/sales"))
                .allows(ORDERS + "/observed"))
        .isTrue();
  }

  @Test
  void shouldHideListedGraphsAndWhatTheyCoverInAnExceptScope() {
    VisibilityScope scope = VisibilityScope.allGraphsExcept(Set.of(ORDERS));

    assertThat(scope.allows(ORDERS)).isFalse();
    assertThat(scope.allows(ORDERS + "/observed")).isFalse();
    assertThat(scope.allows(ORDERS + "-v2")).isTrue();
    assertThat(scope.allowsAll(List.of(ORDERS + "-v2", ORDERS))).isFalse();
    assertThat(scope.allowsAny(List.of(ORDERS + "-v2", ORDERS))).isTrue();
    assertThat(VisibilityScope.allGraphsExcept(Set.of()).isEverything()).isTrue();
  }

  @Test
  void shouldRefuseGraphsInTheEverythingMode() {
    assertThatThrownBy(() -> new VisibilityScope(VisibilityScope.Mode.EVERYTHING, Set.of(ORDERS)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldMatchPrefixesOfEveryListedLengthAndCompareByContent() {
    String base = "https://catalog.example/graph/product";
    VisibilityScope scope =
        VisibilityScope.allGraphsExcept(Set.of(base + "/sales", base + "/hr/payroll"));

    assertThat(scope.allows(base + "/sales/orders/observed")).isFalse();
    assertThat(scope.allows(base + "/hr/payroll/observed")).isFalse();
    assertThat(scope.allows(base + "/hr/payroll-v2")).isTrue();
    assertThat(scope.allows(base + "/hr")).isTrue();
    assertThat(scope)
        .isEqualTo(VisibilityScope.allGraphsExcept(Set.of(base + "/hr/payroll", base + "/sales")))
        .hasSameHashCodeAs(
            VisibilityScope.allGraphsExcept(Set.of(base + "/hr/payroll", base + "/sales")))
        .isNotEqualTo(VisibilityScope.onlyGraphs(Set.of(base + "/sales", base + "/hr/payroll")));
  }

  @Test
  void shouldAnswerKeysUnderAPrefixAsItAnswersTheirWholeIris() {
    String base = "https://catalog.example/graph";
    String prefix = base + "/product/";
    List<String> keys =
        List.of(
            "sales/orders", "sales/orders/observed", "sales/orders-v2", "hr/payroll", "hr", "x");
    List<Set<String>> listings =
        List.of(
            Set.of(prefix + "sales/orders", prefix + "hr"),
            Set.of(base + "/product"),
            Set.of(base),
            Set.of(base + "/job/etl", prefix + "sales"),
            Set.of());
    for (Set<String> graphs : listings) {
      for (VisibilityScope scope :
          List.of(VisibilityScope.allGraphsExcept(graphs), VisibilityScope.onlyGraphs(graphs))) {
        for (String key : keys) {
          assertThat(scope.allows(prefix, key))
              .as("%s %s", scope, key)
              .isEqualTo(scope.allows(prefix + key));
        }
      }
    }
    assertThatThrownBy(() -> VisibilityScope.onlyGraphs(Set.of(base)).allows(base, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldIntersectExceptScopesByHidingWhatEitherHides() {
    String runs = ORDERS + "/run";
    VisibilityScope hideOrders = VisibilityScope.allGraphsExcept(Set.of(ORDERS));
    VisibilityScope hideOther = VisibilityScope.allGraphsExcept(Set.of(ORDERS + "-archive"));

    VisibilityScope both = hideOrders.and(hideOther);

    assertThat(both.allows(ORDERS)).isFalse();
    assertThat(both.allows(runs)).as("a graph the first covers").isFalse();
    assertThat(both.allows(ORDERS + "-archive")).isFalse();
    assertThat(both.allows(ORDERS + "-history")).isTrue();
    assertThat(hideOrders.and(VisibilityScope.everything())).isSameAs(hideOrders);
    assertThat(VisibilityScope.everything().and(hideOther)).isSameAs(hideOther);
    VisibilityScope nothing = VisibilityScope.onlyGraphs(Set.of());
    assertThat(hideOrders.and(nothing).allows(ORDERS + "-history")).isFalse();
    assertThatThrownBy(() -> VisibilityScope.onlyGraphs(Set.of(ORDERS)).and(hideOther))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLetAReadScopeReadOnlyWhatBothItsScopesAllow() {
    ReadScope scope =
        new ReadScope(
            VisibilityScope.allGraphsExcept(Set.of(ORDERS + "-archive")),
            VisibilityScope.allGraphsExcept(Set.of(ORDERS)));

    assertThat(scope.mayDiscover(ORDERS)).isTrue();
    assertThat(scope.mayRead(ORDERS)).isFalse();
    assertThat(scope.mayRead(ORDERS + "-archive")).isFalse();
    assertThat(scope.mayRead(ORDERS + "-history")).isTrue();
    assertThat(
            scope
                .readingOnly(VisibilityScope.allGraphsExcept(Set.of(ORDERS + "-history")))
                .mayRead(ORDERS + "-history"))
        .isFalse();
    assertThat(ReadScope.everything().isEverything()).isTrue();
  }
}
