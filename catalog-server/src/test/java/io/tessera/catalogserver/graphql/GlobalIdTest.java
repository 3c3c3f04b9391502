package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.catalogserver.problem.ProblemException;
import org.junit.jupiter.api.Test;

class GlobalIdTest {
  @Test
  void shouldRoundTripTypeAndKeyPartsThatContainSeparators() {
    String id = GlobalId.of("Dataset", "postgres://warehouse:5432", "sales.public/orders");
    assertThat(id).doesNotContain("postgres").doesNotContain("=");
    GlobalId decoded = GlobalId.decode(id);
    assertThat(decoded.type()).isEqualTo("Dataset");
    assertThat(decoded.parts()).containsExactly("postgres://warehouse:5432", "sales.public/orders");
  }

  @Test
  void shouldRejectWhatItDidNotIssue() {
    assertThatThrownBy(() -> GlobalId.decode("not base64!")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> GlobalId.decode("RGF0YVByb2R1Y3Q"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("not an id this server issued");
  }
}
