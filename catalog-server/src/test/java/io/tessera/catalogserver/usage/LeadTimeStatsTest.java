package io.tessera.catalogserver.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadTimeStatsTest {

  @Test
  void shouldNameTheQuarterInUtc() {
    assertThat(LeadTimeStats.quarter(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-Q1");
    assertThat(LeadTimeStats.quarter(Instant.parse("2026-03-31T23:59:59Z"))).isEqualTo("2026-Q1");
    assertThat(LeadTimeStats.quarter(Instant.parse("2026-04-01T00:00:00Z"))).isEqualTo("2026-Q2");
    assertThat(LeadTimeStats.quarter(Instant.parse("2026-09-30T12:00:00Z"))).isEqualTo("2026-Q3");
    assertThat(LeadTimeStats.quarter(Instant.parse("2026-12-31T23:00:00Z"))).isEqualTo("2026-Q4");
  }

  @Test
  void shouldTakeTheMiddleValueOrTheMeanOfTheMiddleTwoAsMedian() {
    assertThat(LeadTimeStats.percentile(List.of(7L), 0.5)).isEqualTo(7);
    assertThat(LeadTimeStats.percentile(List.of(1L, 5L, 9L), 0.5)).isEqualTo(5);
    assertThat(LeadTimeStats.percentile(List.of(0L, 0L, 10L, 20L), 0.5)).isEqualTo(5);
  }

  @Test
  void shouldInterpolateThe90thPercentileBetweenNeighbouringRanks() {
    // 10 values 1..10: h = 9 x 0.9 = 8.1 -> 9 + 0.1 x (10 - 9) = 9.1 -> 9
    assertThat(LeadTimeStats.percentile(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 0.9))
        .isEqualTo(9);
    // [0, 0, 10, 20]: h = 2.7 -> 10 + 0.7 x 10 = 17
    assertThat(LeadTimeStats.percentile(List.of(0L, 0L, 10L, 20L), 0.9)).isEqualTo(17);
    // [100, 200]: h = 0.9 -> 190
    assertThat(LeadTimeStats.percentile(List.of(100L, 200L), 0.9)).isEqualTo(190);
    assertThat(LeadTimeStats.percentile(List.of(3L, 4L), 1.0)).isEqualTo(4);
    assertThat(LeadTimeStats.percentile(List.of(3L, 4L), 0.0)).isEqualTo(3);
  }

  @Test
  void shouldRefuseNoValuesAndFractionsOutsideZeroToOne() {
    assertThatThrownBy(() -> LeadTimeStats.percentile(List.of(), 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadTimeStats.percentile(List.of(1L), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldPutEachLeadTimeInTheQuarterOfItsLaterMilestoneAndListTheLongestStuck() {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");
    List<Milestones> milestones =
        List.of(
            new Milestones(
                "a/one",
                Instant.parse("2026-03-20T00:00:00Z"),
                Instant.parse("2026-04-02T00:00:00Z"),
                null,
                null),
            new Milestones("a/two", Instant.parse("2026-01-01T00:00:00Z"), null, null, null));
    MeshTimeToValue mesh = TimeToValueService.summarize(null, milestones, java.util.Map.of(), now);

    assertThat(mesh.quarters())
        .extracting(MeshTimeToValue.Quarter::quarter)
        .containsExactly("2026-Q2");
    assertThat(mesh.quarters().getFirst().declaredToPlanned().medianSeconds())
        .isEqualTo(13 * 86_400);
    assertThat(mesh.stuck().declaredNotPlanned())
        .extracting(MeshTimeToValue.StuckProduct::product)
        .containsExactly("a/two");
    assertThat(mesh.stuck().plannedNotPhysical())
        .extracting(MeshTimeToValue.StuckProduct::product)
        .containsExactly("a/one");
  }
}
