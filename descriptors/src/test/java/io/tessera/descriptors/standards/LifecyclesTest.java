package io.tessera.descriptors.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecyclesTest {

  @ParameterizedTest
  @CsvSource({
    "proposed,ideation",
    "draft,design",
    "Active,consume",
    "deprecated,deprecated",
    "retired,retired",
    "build,build",
    "development,design",
    ",design"
  })
  void shouldMapStandardStatusToDprodLifecycle(String status, String lifecycle) {
    assertThat(Lifecycles.fromStatus(status)).isEqualTo(lifecycle);
  }
}
