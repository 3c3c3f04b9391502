package io.tessera.catalogserver.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SloEvaluatorTest {
  private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
  private static final String JOB = "https://tessera.local/job/airflow/load";
  private static final Slo SLO =
      new Slo(
          Duration.ofHours(24),
          new Slo.Objective(0.9, Duration.ofDays(7)),
          new Slo.Objective(0.99, Duration.ofDays(7)),
          true);

  private static PortSignals.Run run(String state, String at) {
    return new PortSignals.Run("run-" + at, JOB, state, Instant.parse(at), null);
  }

  private static PortSignals signals(List<PortSignals.Run> runs, List<String> breaking) {
    return new PortSignals(Instant.parse("2026-06-01T00:00:00Z"), runs, List.of(), breaking);
  }

  @Test
  void shouldBeHealthyWhenTheLatestRunCompletedRecently() {
    var e =
        SloEvaluator.evaluate(
            "p", SLO, signals(List.of(run("COMPLETE", "2026-06-10T06:00:00Z")), List.of()), NOW);
    assertThat(e.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(e.objectives()).allMatch(ObjectiveResult::met);
  }

  @Test
  void shouldFailWhenTheLatestRunOfAWritingJobFailed() {
    var e =
        SloEvaluator.evaluate(
            "p",
            null,
            signals(
                List.of(
                    run("FAIL", "2026-06-10T07:00:00Z"), run("COMPLETE", "2026-06-10T06:00:00Z")),
                List.of()),
            NOW);
    assertThat(e.status()).isEqualTo(HealthStatus.FAILING);
    assertThat(e.failedJobs()).containsKey(JOB);
    assertThat(e.reasons()).extracting(Reason::code).containsExactly("last-run-failed");
  }

  @Test
  void shouldBreachFreshnessWhenNothingArrivesForLongerThanPromised() {
    var e =
        SloEvaluator.evaluate(
            "p", SLO, signals(List.of(run("COMPLETE", "2026-06-08T06:00:00Z")), List.of()), NOW);
    assertThat(e.status()).isEqualTo(HealthStatus.FAILING);
    assertThat(e.reasons()).extracting(Reason::code).contains("freshness");
  }

  @Test
  void shouldDegradeWhenTheSuccessRateFallsBelowTheMinimum() {
    var e =
        SloEvaluator.evaluate(
            "p",
            SLO,
            signals(
                List.of(
                    run("COMPLETE", "2026-06-10T08:00:00Z"),
                    run("FAIL", "2026-06-09T08:00:00Z"),
                    run("COMPLETE", "2026-06-08T08:00:00Z")),
                List.of()),
            NOW);
    assertThat(e.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(e.reasons()).extracting(Reason::code).containsExactly("success-rate");
  }

  @Test
  void shouldDegradeWhenTooFewQualityAssertionsPass() {
    PortSignals s =
        new PortSignals(
            Instant.parse("2026-06-01T00:00:00Z"),
            List.of(run("COMPLETE", "2026-06-10T08:00:00Z")),
            List.of(
                new PortSignals.Assertion("not_null", true, NOW.minusSeconds(60)),
                new PortSignals.Assertion("unique", false, NOW.minusSeconds(60))),
            List.of());
    var e = SloEvaluator.evaluate("p", SLO, s, NOW);
    assertThat(e.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(e.reasons()).extracting(Reason::code).containsExactly("quality");
  }

  @Test
  void shouldFailOnAnUnresolvedBreakingChangeWhenThePortPromisesStabilityAndDegradeOtherwise() {
    var stable =
        SloEvaluator.evaluate(
            "p",
            SLO,
            signals(List.of(run("COMPLETE", "2026-06-10T08:00:00Z")), List.of("removed id")),
            NOW);
    assertThat(stable.status()).isEqualTo(HealthStatus.FAILING);
    assertThat(stable.reasons()).extracting(Reason::code).containsExactly("schema-stability");
    var loose =
        SloEvaluator.evaluate(
            "p",
            null,
            signals(List.of(run("COMPLETE", "2026-06-10T08:00:00Z")), List.of("removed id")),
            NOW);
    assertThat(loose.status()).isEqualTo(HealthStatus.DEGRADED);
  }

  @Test
  void shouldJudgeAPlannedPortByNothing() {
    var e =
        SloEvaluator.evaluate(
            "p", SLO, new PortSignals(null, List.of(), List.of(), List.of()), NOW);
    assertThat(e.status()).isEqualTo(HealthStatus.HEALTHY);
  }
}
