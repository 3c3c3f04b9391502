package io.tessera.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
  private static final Path JDK = Path.of("/jdk");

  @Test
  void shouldDefaultToSizeSSeed42AndTwentyMinutes() {
    BenchOptions o = BenchOptions.parse(new String[0], JDK);

    assertThat(o.size()).isEqualTo(MeshSize.S);
    assertThat(o.seed()).isEqualTo(42);
    assertThat(o.budgetMinutes()).isEqualTo(20);
    assertThat(o.smoke()).isFalse();
  }

  @Test
  void shouldParseEveryOption() {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {
              "--size", "m", "--seed", "9", "--out", "/tmp/x", "--budget", "1.5", "--smoke"
            },
            JDK);

    assertThat(o.size()).isEqualTo(MeshSize.M);
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.out()).isEqualTo(Path.of("/tmp/x"));
    assertThat(o.budgetMinutes()).isEqualTo(1.5);
    assertThat(o.smoke()).isTrue();
  }

  @Test
  void shouldKeepTheDataDirectoryAndLoadOnlyWhenAsked() {
    BenchOptions o =
        BenchOptions.parse(new String[] {"--size", "L", "--data", "/tmp/l", "--load-only"}, JDK);

    assertThat(o.data()).isEqualTo(Path.of("/tmp/l"));
    assertThat(o.loadOnly()).isTrue();
    assertThat(BenchOptions.parse(new String[0], JDK).data()).isNull();
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--load-only"}, JDK))
        .hasMessageContaining("--data");
  }

  @Test
  void shouldReserveTheEndOfTheStreamForSixMeasuredIngestPhases() {
    BenchOptions full = BenchOptions.parse(new String[0], JDK);
    BenchOptions smoke = BenchOptions.parse(new String[] {"--smoke"}, JDK);

    assertThat(full.reservedEvents(1_800_000)).isEqualTo(120_000);
    assertThat(smoke.reservedEvents(1_800_000)).isEqualTo(1_800);
    assertThat(full.reservedEvents(1_600)).isEqualTo(1_200); // an eighth of the stream per phase
  }

  @Test
  void shouldRejectUnknownOptionsAndSizes() {
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--sise", "S"}, JDK))
        .hasMessageContaining("unknown option --sise");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--size", "XL"}, JDK))
        .hasMessageContaining("S, M or L");
    assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--seed"}, JDK))
        .hasMessageContaining("needs a value");
  }
}
