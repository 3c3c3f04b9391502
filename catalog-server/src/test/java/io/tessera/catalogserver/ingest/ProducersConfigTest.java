package io.tessera.catalogserver.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProducersConfigTest {

  @Test
  void shouldLeaveUnclaimedDatasetsOpenByDefaultAndScopeThemOnRequest() {
    assertThat(new ProducersConfig(null).unownedOpen()).isTrue();
    assertThat(new ProducersConfig("").unownedOpen()).isTrue();
    assertThat(new ProducersConfig(" Open ").unownedOpen()).isTrue();
    assertThat(new ProducersConfig("scoped").unownedOpen()).isFalse();
  }

  @Test
  void shouldRefuseAnUnknownModeNamingTheSetting() {
    assertThatThrownBy(() -> new ProducersConfig("closed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TESSERA_PRODUCERS_UNOWNED")
        .hasMessageContaining("'closed'");
  }
}
