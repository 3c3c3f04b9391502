package io.tessera.governance;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A policy as its {@code kind: Policy} descriptor declares it (and as it is stored, in ODRL).
 *
 * @param domain the domain whose products it governs, or null for a global policy
 * @param name its name, unique within its domain (or among global policies)
 * @param targets what its rules apply to
 * @param rules its permissions and prohibitions, in declaration order
 * @param toxicCombinations classifications more sensitive together than apart
 * @param access how access to the targets is requested, or null when the policy does not say
 */
public record Policy(
    String domain,
    String name,
    String description,
    Targets targets,
    List<Rule> rules,
    List<ToxicCombination> toxicCombinations,
    Access access) {

  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(targets, "targets");
    rules = List.copyOf(rules);
    toxicCombinations = List.copyOf(toxicCombinations);
  }

  /** A policy that does not say how its targets are requested. */
  public Policy(
      String domain,
      String name,
      String description,
      Targets targets,
      List<Rule> rules,
      List<ToxicCombination> toxicCombinations) {
    this(domain, name, description, targets, rules, toxicCombinations, null);
  }

  /** Who approves an access request to a target. */
  public enum Approval {
    /** Approved at once, by the catalog. */
    AUTOMATIC,
    /** The owners of the product's domain (or an admin) decide. */
    OWNER,
    /** The target cannot be requested. */
    NONE;

    public String slug() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The stricter of two modes: none, then owner, then automatic. */
    public Approval stricter(Approval other) {
      return other == null || ordinal() >= other.ordinal() ? this : other;
    }
  }

  /**
   * How access requests to the policy's targets are decided.
   *
   * @param approval who approves, or null (the default, by owner)
   * @param maxDays the longest agreement a request may ask for, or null (the default)
   */
  public record Access(Approval approval, Integer maxDays) {}

  /** How the policy is named in explanations: {@code sales/eu-only} or {@code global/eu-only}. */
  public String key() {
    return (domain == null ? "global" : domain) + "/" + name;
  }

  /**
   * What a policy targets: products by {@code domain/name}, whole domains, and classifications. Any
   * match makes a product a target; a domain-scoped policy only ever targets its domain.
   */
  public record Targets(Set<String> products, Set<String> domains, Set<String> classifications) {
    public Targets {
      products = Set.copyOf(products);
      domains = Set.copyOf(domains);
      classifications = Set.copyOf(classifications);
    }

    public boolean isEmpty() {
      return products.isEmpty() && domains.isEmpty() && classifications.isEmpty();
    }
  }

  /** A permission or prohibition. */
  public enum Effect {
    PERMIT,
    PROHIBIT
  }

  /** What a rule is about. */
  public enum Action {
    /** Knowing that a product exists. */
    DISCOVER,
    /** Seeing its ports' connection details, schemas and lineage columns. */
    READ;

    public String slug() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One permission or prohibition.
   *
   * @param label where it was declared, e.g. {@code permissions[0]}
   * @param constraints all must hold for the rule to apply
   */
  public record Rule(
      String label, Effect effect, Set<Action> actions, List<Constraint> constraints) {
    public Rule {
      actions = Set.copyOf(actions);
      constraints = List.copyOf(constraints);
    }
  }

  /**
   * A condition on the principal or on the product.
   *
   * @param label where it was declared, e.g. {@code permissions[0].constraints[1]}
   */
  public record Constraint(String label, Operand operand, boolean anyOf, Set<String> values) {
    public Constraint {
      values = Set.copyOf(values);
    }

    /** Whether the constraint holds for these values of its operand. */
    public boolean holds(Set<String> actual) {
      boolean overlap = actual.stream().anyMatch(values::contains);
      return anyOf == overlap;
    }

    /** A readable form: {@code region isAnyOf [eu]}. */
    public String describe() {
      return operand.slug()
          + (anyOf ? " isAnyOf " : " isNoneOf ")
          + values.stream().sorted().toList();
    }
  }

  /**
   * Classifications that are more sensitive together than apart.
   *
   * @param classifications all of these together…
   * @param result …give the combination this classification
   */
  public record ToxicCombination(Set<String> classifications, String result) {
    public ToxicCombination {
      classifications = Set.copyOf(classifications);
    }
  }
}
