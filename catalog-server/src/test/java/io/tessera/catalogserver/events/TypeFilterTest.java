package io.tessera.catalogserver.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypeFilterTest {

  @Test
  void shouldAcceptShortAndFullTypesAndFamilies() {
    TypeFilter filter = TypeFilter.parse("product.changed, io.tessera.domain.deleted,access.*");
    assertThat(filter.accepts("io.tessera.product.changed")).isTrue();
    assertThat(filter.accepts("io.tessera.product.deleted")).isFalse();
    assertThat(filter.accepts("io.tessera.domain.deleted")).isTrue();
    assertThat(filter.accepts("io.tessera.access.requested")).isTrue();
    assertThat(filter.accepts("io.tessera.accessory.x")).isFalse();
  }

  @Test
  void shouldAcceptEverythingWhenEmpty() {
    assertThat(TypeFilter.parse(null).accepts("io.tessera.anything")).isTrue();
    assertThat(TypeFilter.parse(" ").accepts("io.tessera.anything")).isTrue();
  }

  @Test
  void shouldRefuseWhatIsNotAType() {
    assertThatThrownBy(() -> TypeFilter.parse("product changed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'product changed'");
    assertThatThrownBy(() -> TypeFilter.parse("*")).isInstanceOf(IllegalArgumentException.class);
  }
}
