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
}
