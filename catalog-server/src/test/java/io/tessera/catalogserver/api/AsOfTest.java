package io.tessera.catalogserver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsOfTest {

  @Test
  void shouldReadAnInstantWithAZoneOrAnOffset() {
    assertThat(AsOf.parse("2026-03-01T12:00:00Z").at())
        .isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(AsOf.parse("2026-03-01T13:00:00.5+01:00").at())
        .isEqualTo(Instant.parse("2026-03-01T12:00:00.5Z"));
  }

  @Test
  void shouldReadADateAsTheEndOfThatDayInUtc() {
    Instant end = AsOf.parse("2026-03-01").at();
    assertThat(end).isEqualTo(Instant.parse("2026-03-01T23:59:59.999999999Z"));
    assertThat(end).isBefore(Instant.parse("2026-03-02T00:00:00Z"));
  }

  @Test
  void shouldMeanNowWhenAbsent() {
    assertThat(AsOf.parse(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "yesterday",
        "2026-02-30",
        "2026-13-01",
        "2026-03-01T12:00:00",
        "1772366400000",
        "1899-12-31",
        "3000-01-01",
        "+99999-01-01T00:00:00Z",
        "2026-03-01T12:00:00Z trailing"
      })
  void shouldRefuseAnythingElseNamingTheParameter(String value) {
    assertThatThrownBy(() -> AsOf.parse(value))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.INVALID_REQUEST);
              assertThat(e.errors())
                  .singleElement()
                  .satisfies(f -> assertThat(f.field()).isEqualTo("asOf"));
              assertThat(e.getMessage())
                  .as("the same words whatever was sent, never the value echoed")
                  .startsWith("asOf must be an ISO-8601 instant")
                  .endsWith("between the years 1900 and 2999");
            });
  }
}
