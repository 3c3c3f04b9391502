package io.tessera.catalogserver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.catalogserver.problem.ProblemException;
import org.junit.jupiter.api.Test;

class DescriptorFormatTest {

  @Test
  void shouldTakeTheFormatParameterAsYamlUnlessOnlyJsonIsAccepted() {
    assertThat(DescriptorFormat.of("odps", "*/*"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.ODPS, false));
    assertThat(DescriptorFormat.of(" ODCS ", "application/json"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.ODCS, true));
    assertThat(DescriptorFormat.of("tessera", "application/json, application/yaml"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.TESSERA, false));
    assertThat(DescriptorFormat.of("odps", "text/turtle"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.ODPS, false));
  }

  @Test
  void shouldReadTheStandardsMediaTypesFromTheAcceptHeader() {
    assertThat(DescriptorFormat.of(null, "application/odps+yaml"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.ODPS, false));
    assertThat(DescriptorFormat.of(null, "application/odcs+json;q=0.9"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.ODCS, true));
    assertThat(DescriptorFormat.of(null, "text/yaml"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.TESSERA, false));
    assertThat(DescriptorFormat.of(null, "application/x-yaml"))
        .contains(new DescriptorFormat.Choice(DescriptorFormat.TESSERA, false));
  }

  @Test
  void shouldLeaveTheViewAndTheRdfToOtherAcceptHeaders() {
    assertThat(DescriptorFormat.of(null, "application/json")).isEmpty();
    assertThat(DescriptorFormat.of(null, "text/turtle")).isEmpty();
    assertThat(DescriptorFormat.of(null, "*/*")).isEmpty();
  }

  @Test
  void shouldNameTheAllowedFormatsForAnUnknownOne() {
    for (String format : new String[] {"dpds", "", "odps+yaml"}) {
      assertThatThrownBy(() -> DescriptorFormat.of(format, "*/*"))
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("format must be one of odps, odcs, tessera");
    }
  }

  @Test
  void shouldAnswerWithTheFormatsOwnMediaType() {
    assertThat(new DescriptorFormat.Choice(DescriptorFormat.ODPS, false).contentType())
        .isEqualTo("application/odps+yaml;charset=utf-8");
    assertThat(new DescriptorFormat.Choice(DescriptorFormat.ODCS, true).contentType())
        .isEqualTo("application/odcs+json");
    assertThat(new DescriptorFormat.Choice(DescriptorFormat.TESSERA, false).contentType())
        .isEqualTo("application/yaml;charset=utf-8");
  }
}
