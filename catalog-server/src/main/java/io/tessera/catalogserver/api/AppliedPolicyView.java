package io.tessera.catalogserver.api;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.governance.AppliedPolicy;
import io.tessera.governance.Policy;
import java.util.List;

/**
 * An {@code AppliedPolicy} as the APIs show it (GraphQL's {@code AppliedPolicy}, the {@code
 * policies} of {@code GET /api/v1/products/{d}/{n}?asOf=}): a policy that applies to a data
 * product, with what made it apply and its rules that do.
 */
@Serdeable
public record AppliedPolicyView(
    String name,
    String domain,
    boolean global,
    String key,
    String iri,
    String description,
    List<Target> matchedBy,
    List<Rule> rules) {

  /** The applied policy, named by its IRI. */
  public static AppliedPolicyView of(AppliedPolicy applied, String iri) {
    Policy p = applied.policy();
    return new AppliedPolicyView(
        p.name(),
        p.domain(),
        p.domain() == null,
        p.key(),
        iri,
        p.description(),
        applied.matchedBy().stream().map(t -> new Target(t.kind().name(), t.value())).toList(),
        applied.rules().stream().map(Rule::of).toList());
  }

  /** {@code PolicyTarget}. */
  @Serdeable
  public record Target(String kind, String value) {}

  /** {@code PolicyRule}. */
  @Serdeable
  public record Rule(
      String label, String effect, List<String> actions, List<Constraint> constraints) {
    static Rule of(Policy.Rule rule) {
      return new Rule(
          rule.label(),
          rule.effect().name(),
          rule.actions().stream().sorted().map(Policy.Action::name).toList(),
          rule.constraints().stream().map(Constraint::of).toList());
    }
  }

  /** {@code PolicyConstraint}. */
  @Serdeable
  public record Constraint(
      String label, String operand, String operator, List<String> values, String text) {
    static Constraint of(Policy.Constraint c) {
      return new Constraint(
          c.label(),
          c.operand().slug(),
          c.anyOf() ? "isAnyOf" : "isNoneOf",
          c.values().stream().sorted().toList(),
          c.describe());
    }
  }
}
