package io.tessera.catalogserver.health;

import io.tessera.graphstore.Slo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates one output port: its SLO's objectives and the conditions every port is judged by.
 *
 * <ul>
 *   <li>the latest finished run of a job writing the port failed: failing;
 *   <li>freshness: no successful write for longer than promised (from the clock, so it breaches
 *       when nothing arrives): failing;
 *   <li>success rate: completed runs over finished runs in the window below the minimum: degraded;
 *   <li>quality: passing assertions over all assertions in the window below the minimum: degraded;
 *   <li>an unresolved breaking schema change: failing when the port promises schema stability,
 *       degraded otherwise.
 * </ul>
 *
 * A window without runs or assertions meets its objective (nothing to judge by). A planned port
 * (never bound) is judged by nothing.
 */
final class SloEvaluator {
  private SloEvaluator() {}

  /** What one evaluation found. */
  record PortEvaluation(
      String port,
      HealthStatus status,
      List<Reason> reasons,
      List<ObjectiveResult> objectives,
      Map<String, PortSignals.Run> failedJobs) {}

  static PortEvaluation evaluate(String port, Slo slo, PortSignals s, Instant now) {
    List<Reason> reasons = new ArrayList<>();
    List<ObjectiveResult> objectives = new ArrayList<>();
    Map<String, PortSignals.Run> failedJobs = new LinkedHashMap<>();
    Map<String, PortSignals.Run> latestByJob = new LinkedHashMap<>();
    for (PortSignals.Run run : s.runs()) {
      latestByJob.merge(run.jobIri(), run, (a, b) -> later(b, a) ? b : a);
    }
    for (PortSignals.Run run : latestByJob.values()) {
      if (run.failed()) {
        failedJobs.put(run.jobIri(), run);
        reasons.add(
            Reason.of(
                port,
                "last-run-failed",
                HealthStatus.FAILING,
                "the latest run of "
                    + name(run.jobIri())
                    + " failed"
                    + (run.errorMessage() == null ? "" : ": " + run.errorMessage())));
      }
    }
    if (slo != null && slo.freshness() != null && s.boundAt() != null) {
      Instant last =
          s.runs().stream()
              .filter(PortSignals.Run::completed)
              .map(PortSignals.Run::endedAt)
              .filter(t -> t != null)
              .max(Instant::compareTo)
              .orElse(s.boundAt());
      Duration age = Duration.between(last, now);
      boolean met = age.compareTo(slo.freshness()) <= 0;
      objectives.add(
          new ObjectiveResult(
              "freshness",
              slo.freshness().toString(),
              "last successful write " + last + " (" + age.toHours() + "h ago)",
              met));
      if (!met) {
        reasons.add(
            Reason.of(
                port,
                "freshness",
                HealthStatus.FAILING,
                "no successful write since " + last + "; promised every " + slo.freshness()));
      }
    }
    if (slo != null && slo.successRate() != null) {
      Instant from = now.minus(slo.successRate().window());
      List<PortSignals.Run> inWindow =
          s.runs().stream()
              .filter(r -> r.endedAt() != null && !r.endedAt().isBefore(from))
              .toList();
      long ok = inWindow.stream().filter(PortSignals.Run::completed).count();
      double rate = inWindow.isEmpty() ? 1.0 : (double) ok / inWindow.size();
      boolean met = rate >= slo.successRate().min();
      objectives.add(
          new ObjectiveResult(
              "successRate",
              ">= " + slo.successRate().min() + " over " + slo.successRate().window(),
              inWindow.isEmpty()
                  ? "no finished runs in the window"
                  : ok + " of " + inWindow.size() + " runs completed (" + percent(rate) + ")",
              met));
      if (!met) {
        reasons.add(
            Reason.of(
                port,
                "success-rate",
                HealthStatus.DEGRADED,
                percent(rate)
                    + " of runs completed over "
                    + slo.successRate().window()
                    + "; promised at least "
                    + percent(slo.successRate().min())));
      }
    }
    if (slo != null && slo.quality() != null) {
      Instant from = now.minus(slo.quality().window());
      List<PortSignals.Assertion> inWindow =
          s.assertions().stream().filter(a -> a.at() != null && !a.at().isBefore(from)).toList();
      long passing = inWindow.stream().filter(PortSignals.Assertion::passed).count();
      double share = inWindow.isEmpty() ? 1.0 : (double) passing / inWindow.size();
      boolean met = share >= slo.quality().min();
      objectives.add(
          new ObjectiveResult(
              "quality",
              ">= " + slo.quality().min() + " passing over " + slo.quality().window(),
              inWindow.isEmpty()
                  ? "no assertions in the window"
                  : passing
                      + " of "
                      + inWindow.size()
                      + " assertions passed ("
                      + percent(share)
                      + ")",
              met));
      if (!met) {
        reasons.add(
            Reason.of(
                port,
                "quality",
                HealthStatus.DEGRADED,
                percent(share)
                    + " of quality assertions passed over "
                    + slo.quality().window()
                    + "; promised at least "
                    + percent(slo.quality().min())));
      }
    }
    boolean stability = slo != null && slo.schemaStability();
    if (stability) {
      objectives.add(
          new ObjectiveResult(
              "schemaStability",
              "no breaking change",
              s.breakingChanges().isEmpty()
                  ? "no unresolved breaking change"
                  : s.breakingChanges().size() + " unresolved breaking change(s)",
              s.breakingChanges().isEmpty()));
    }
    if (!s.breakingChanges().isEmpty()) {
      reasons.add(
          Reason.of(
              port,
              stability ? "schema-stability" : "breaking-change",
              stability ? HealthStatus.FAILING : HealthStatus.DEGRADED,
              "breaking schema change: " + String.join("; ", s.breakingChanges())));
    }
    HealthStatus status = HealthStatus.HEALTHY;
    for (Reason r : reasons) {
      status = status.worse(r.severity());
    }
    return new PortEvaluation(port, status, reasons, objectives, failedJobs);
  }

  private static boolean later(PortSignals.Run a, PortSignals.Run b) {
    if (a.endedAt() == null) {
      return false;
    }
    return b.endedAt() == null || a.endedAt().isAfter(b.endedAt());
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String name(String jobIri) {
    int slash = jobIri.lastIndexOf("/job/");
    return slash < 0
        ? jobIri
        : java.net.URLDecoder.decode(
            jobIri.substring(slash + 5), java.nio.charset.StandardCharsets.UTF_8);
  }
}
