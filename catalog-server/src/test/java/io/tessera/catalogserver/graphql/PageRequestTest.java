package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.catalogserver.problem.ProblemException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

  private static List<Integer> nodes(Connection<Integer> page) {
    return page.edges().stream().map(Connection.Edge::node).toList();
  }

  @Test
  void shouldPageForwardsWithFirstAndAfter() {
    Connection<Integer> first = new PageRequest(4, null, null, null, 50).page(TEN);
    assertThat(nodes(first)).containsExactly(0, 1, 2, 3);
    assertThat(first.pageInfo().hasNextPage()).isTrue();
    assertThat(first.pageInfo().hasPreviousPage()).isFalse();
    Connection<Integer> last =
        new PageRequest(4, first.pageInfo().endCursor(), null, null, 50).page(TEN);
    assertThat(nodes(last)).containsExactly(4, 5, 6, 7);
    assertThat(last.pageInfo().hasPreviousPage()).isTrue();
    assertThat(last.totalCount()).isEqualTo(10);
  }

  @Test
  void shouldPageBackwardsWithLastAndBefore() {
    Connection<Integer> end = new PageRequest(null, null, 3, null, 50).page(TEN);
    assertThat(nodes(end)).containsExactly(7, 8, 9);
    assertThat(end.pageInfo().hasPreviousPage()).isTrue();
    assertThat(end.pageInfo().hasNextPage()).isFalse();
    Connection<Integer> before =
        new PageRequest(null, null, 3, end.pageInfo().startCursor(), 50).page(TEN);
    assertThat(nodes(before)).containsExactly(4, 5, 6);
    assertThat(before.pageInfo().hasNextPage()).isTrue();
  }

  @Test
  void shouldUseTheDefaultSizeWhenNeitherFirstNorLastIsGiven() {
    assertThat(nodes(new PageRequest(null, null, null, null, 2).page(TEN))).containsExactly(0, 1);
  }

  @Test
  void shouldRejectACursorOfAnotherKind() {
    String productCursor = PageRequest.cursor("p", "sales/orders");
    assertThatThrownBy(() -> new PageRequest(2, productCursor, null, null, 50).page(TEN))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("not one this field issued");
  }
}
