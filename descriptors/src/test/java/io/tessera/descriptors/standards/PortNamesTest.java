package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortNamesTest {

  private final PortNames names = new PortNames();

  @Test
  void shouldSuffixVersionOnlyToLaterPortsWithATakenName() {
    assertThat(names.claim("orders", "1.0.0")).isEqualTo("orders");
    assertThat(names.claim("orders", "v2.0.0")).isEqualTo("orders-v2-0-0");
    assertThat(names.claim("returns", "2.0.0")).isEqualTo("returns");
  }

  @Test
  void shouldCountWhenNoVersionTellsPortsApart() {
    assertThat(names.claim("orders", null)).isEqualTo("orders");
    assertThat(names.claim("orders", null)).isEqualTo("orders-2");
    assertThat(names.claim("orders", "1.0.0")).isEqualTo("orders-v1-0-0");
    assertThat(names.claim("orders", "1.0.0")).isEqualTo("orders-v1-0-0-2");
  }

  @Test
  void shouldKeepSuffixedNamesWithin63Characters() {
    String base = "a".repeat(63);
    names.claim(base, "1.0.0");

    assertThat(names.claim(base, "2.0.0"))
        .hasSize(63)
        .endsWith("-v2-0-0")
        .matches("^[a-z0-9][a-z0-9-]{0,62}$");
  }
}
