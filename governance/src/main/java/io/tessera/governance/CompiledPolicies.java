package io.tessera.governance;

import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every policy with its target set resolved against the catalog's products, once per change of
 * policies or products: the per-request work is only checking principal constraints and set
 * arithmetic. Immutable.
 */
final class CompiledPolicies {
  /** Target keys of whole domains start with this (products are {@code domain/name}). */
  static final String DOMAIN_KEY = "domain:";

  /** A rule with its targets (product keys and domain keys). */
  record CompiledRule(Policy policy, Policy.Rule rule, Set<String> targets) {
    boolean principalHolds(Principal principal) {
      return failing(principal) == null;
    }

    /** The first principal constraint that does not hold, or null. */
    Policy.Constraint failing(Principal principal) {
      for (Policy.Constraint c : rule.constraints()) {
        if (!c.operand().aboutProduct() && !c.holds(values(principal, c.operand()))) {
          return c;
        }
      }
      return null;
    }
  }

  private final Map<String, ProductFacts> facts;
  private final List<CompiledRule> rules;
  private final List<Policy> policies;
  private final Map<Policy.Action, Set<String>> restricted = new EnumMap<>(Policy.Action.class);
  private final IriMinter iris;
  private final Map<String, List<ProductFacts>> producers = new HashMap<>();
  private volatile Set<String> targetGraphs;
  private final Map<Policy, List<CompiledRule>> rulesOf = new java.util.IdentityHashMap<>();

  private final Map<String, Set<String>> inherited;

  CompiledPolicies(List<Policy> policies, Map<String, ProductFacts> facts, IriMinter iris) {
    this(policies, facts, iris, Map.of());
  }

  /**
   * @param inherited per product key, the classifications it inherits from toxic combinations in
   *     lineage (already part of {@code facts}); no agreement overrides what they restrict
   */
  CompiledPolicies(
      List<Policy> policies,
      Map<String, ProductFacts> facts,
      IriMinter iris,
      Map<String, Set<String>> inherited) {
    this.inherited = inherited;
    this.policies = List.copyOf(policies);
    this.facts = facts;
    this.iris = iris;
    Map<String, Set<String>> byDomain = new HashMap<>();
    Map<String, Set<String>> byClassification = new HashMap<>();
    for (ProductFacts f : facts.values()) {
      byDomain.computeIfAbsent(f.domain(), d -> new HashSet<>()).add(f.key());
      for (String graph : f.graphs()) {
        producers.computeIfAbsent(graph, g -> new ArrayList<>()).add(f);
      }
      for (String c : f.classifications()) {
        byClassification.computeIfAbsent(c, k -> new HashSet<>()).add(f.key());
      }
    }
    List<CompiledRule> compiled = new ArrayList<>();
    for (Policy policy : policies) {
      Set<String> base = targets(policy, byDomain, byClassification);
      for (Policy.Rule rule : policy.rules()) {
        compiled.add(new CompiledRule(policy, rule, narrow(base, rule)));
      }
    }
    this.rules = List.copyOf(compiled);
    for (CompiledRule r : rules) {
      rulesOf.computeIfAbsent(r.policy(), p -> new ArrayList<>()).add(r);
    }
    for (Policy.Action action : Policy.Action.values()) {
      Set<String> keys = new HashSet<>();
      for (CompiledRule r : rules) {
        if (r.rule().effect() == Policy.Effect.PERMIT && r.rule().actions().contains(action)) {
          keys.addAll(r.targets());
        }
      }
      restricted.put(action, keys);
    }
  }

  /** The products whose graphs include this dataset graph (their output ports' datasets). */
  List<ProductFacts> producing(String datasetGraph) {
    return producers.getOrDefault(datasetGraph, List.of());
  }

  /** Whether any rule can hide anything (false with no policies). */
  boolean restrictsAnything() {
    return !rules.isEmpty();
  }

  /** Whether any of these graphs belongs to a product some rule targets. */
  boolean restrictsAnyOf(Set<String> graphs) {
    Set<String> targeted = targetGraphs;
    if (targeted == null) {
      Set<String> keys = new HashSet<>();
      rules.forEach(r -> keys.addAll(r.targets()));
      targeted = graphs(keys);
      targetGraphs = targeted;
    }
    for (String g : graphs) {
      if (targeted.contains(g)) {
        return true;
      }
    }
    return false;
  }

  List<Policy> policies() {
    return policies;
  }

  ProductFacts facts(String key) {
    return facts.get(key);
  }

  /** The keys a principal may not perform the action on. */
  Set<String> hidden(Principal principal, Policy.Action action) {
    Set<String> permitted = new HashSet<>();
    Set<String> hidden = new HashSet<>();
    for (CompiledRule r : rules) {
      if (r.rule().actions().contains(action) && r.principalHolds(principal)) {
        if (r.rule().effect() == Policy.Effect.PERMIT) {
          permitted.addAll(r.targets());
        } else {
          hidden.addAll(r.targets());
        }
      }
    }
    for (String key : restricted.get(action)) {
      if (!permitted.contains(key)) {
        hidden.add(key);
      }
    }
    if (principal.roles().contains(Role.DOMAIN_OWNER) && !principal.domains().isEmpty()) {
      hidden.removeIf(key -> principal.domains().contains(domainOf(key)));
    }
    return hidden;
  }

  /**
   * Removes from {@code hidden} the products the principal's active agreements grant: an agreement
   * is a permission for its assignee on its product, so it lifts a restriction (no permission
   * applies) but not a prohibition that applies (with the agreement's purpose as the principal's)
   * nor a classification inherited from a toxic combination.
   */
  void grant(
      Set<String> hidden, Principal principal, List<Agreement> active, Policy.Action action) {
    for (Agreement a : active) {
      String key = a.product();
      if (hidden.contains(key)
          && !inherited.containsKey(key)
          && prohibiting(withPurposes(principal, List.of(a)), key, action) == null) {
        hidden.remove(key);
      }
    }
  }

  /**
   * Why the principal may or may not perform the action on the product, its active agreements on
   * the product considered: their purpose codes count as the principal's purposes for this product,
   * and an agreement grants what only a restriction withholds.
   */
  Decision explain(
      Principal principal, String key, Policy.Action action, List<Agreement> agreements) {
    List<Agreement> on = agreements.stream().filter(a -> a.product().equals(key)).toList();
    Decision plain = explain(principal, key, action);
    if (on.isEmpty() || principal.isAdmin() || plain.policy() == null && plain.allowed()) {
      return plain;
    }
    Principal effective = withPurposes(principal, on);
    Decision decision = explain(effective, key, action);
    Agreement first = on.get(0);
    if (decision.allowed()) {
      // the agreement's purpose made a permission apply
      return plain.allowed()
          ? plain
          : decision.by(first.id(), " (purpose " + first.purposeCode() + " from agreement)");
    }
    if (decision.reason().startsWith("prohibited")) {
      return decision;
    }
    Set<String> toxic = inherited.get(key);
    if (toxic != null) {
      return new Decision(
          false,
          decision.reason()
              + "; a toxic combination in lineage gives it "
              + new java.util.TreeSet<>(toxic)
              + ", which no agreement overrides",
          decision.policy(),
          decision.rule(),
          decision.constraint());
    }
    return new Decision(
        true,
        "granted by agreement " + first.id() + " (until " + first.expires() + ")",
        null,
        null,
        null,
        first.id());
  }

  private CompiledRule prohibiting(Principal principal, String key, Policy.Action action) {
    for (CompiledRule r : rules) {
      if (r.rule().effect() == Policy.Effect.PROHIBIT
          && r.rule().actions().contains(action)
          && covers(r, key)
          && r.principalHolds(principal)) {
        return r;
      }
    }
    return null;
  }

  /** The principal with the agreements' purpose codes added to its purposes. */
  static Principal withPurposes(Principal principal, List<Agreement> agreements) {
    Set<String> purposes = new HashSet<>(principal.attribute(Operand.PURPOSE.attribute()));
    agreements.forEach(
        a -> {
          if (a.purposeCode() != null) {
            purposes.add(a.purposeCode());
          }
        });
    if (purposes.equals(principal.attribute(Operand.PURPOSE.attribute()))) {
      return principal;
    }
    Map<String, Set<String>> attributes = new HashMap<>(principal.attributes());
    attributes.put(Operand.PURPOSE.attribute(), purposes);
    return new Principal(
        principal.subject(),
        principal.roles(),
        principal.domains(),
        attributes,
        principal.namespaces());
  }

  /**
   * The policies whose targets include the product, with the rules that apply to it: the same
   * target sets (classifications inherited through lineage included) and the same product
   * constraints that {@link #hidden} and {@link #explain} use. Sorted by policy key.
   */
  List<AppliedPolicy> applying(String key) {
    String domain = domainOf(key);
    ProductFacts f = facts.get(key);
    Set<String> classifications = f == null ? Set.of() : f.classifications();
    List<AppliedPolicy> applying = new ArrayList<>();
    for (Policy policy : policies) {
      if (policy.domain() != null && !policy.domain().equals(domain)) {
        continue;
      }
      List<AppliedPolicy.Target> matched = new ArrayList<>();
      if (policy.targets().products().contains(key)) {
        matched.add(new AppliedPolicy.Target(AppliedPolicy.TargetKind.PRODUCT, key));
      }
      if (policy.targets().domains().contains(domain)) {
        matched.add(new AppliedPolicy.Target(AppliedPolicy.TargetKind.DOMAIN, domain));
      }
      for (String c : new java.util.TreeSet<>(policy.targets().classifications())) {
        if (classifications.contains(c)) {
          matched.add(new AppliedPolicy.Target(AppliedPolicy.TargetKind.CLASSIFICATION, c));
        }
      }
      if (matched.isEmpty()) {
        continue;
      }
      List<Policy.Rule> rules = new ArrayList<>();
      for (CompiledRule r : rulesOf.getOrDefault(policy, List.of())) {
        if (covers(r, key)) {
          rules.add(r.rule());
        }
      }
      applying.add(new AppliedPolicy(policy, matched, rules));
    }
    applying.sort(java.util.Comparator.comparing(a -> a.policy().key()));
    return applying;
  }

  /** The named graphs that hide these keys. */
  Set<String> graphs(Collection<String> keys) {
    Set<String> graphs = new HashSet<>();
    for (String key : keys) {
      if (key.startsWith(DOMAIN_KEY)) {
        graphs.add(iris.domainGraph(key.substring(DOMAIN_KEY.length())));
        continue;
      }
      ProductFacts f = facts.get(key);
      if (f != null) {
        graphs.addAll(f.graphs());
      } else {
        String[] parts = key.split("/", 2);
        graphs.add(iris.productGraph(parts[0], parts[1]));
      }
    }
    return graphs;
  }

  /** Why the principal may or may not perform the action on the product. */
  Decision explain(Principal principal, String key, Policy.Action action) {
    if (principal.isAdmin()) {
      return Decision.allow("admins see everything");
    }
    if (principal.roles().contains(Role.DOMAIN_OWNER)
        && principal.domains().contains(domainOf(key))) {
      return Decision.allow("owners of " + domainOf(key) + " see its products");
    }
    CompiledRule permit = null;
    CompiledRule failedPermit = null;
    for (CompiledRule r : rules) {
      if (!r.rule().actions().contains(action) || !covers(r, key)) {
        continue;
      }
      boolean holds = r.principalHolds(principal);
      if (r.rule().effect() == Policy.Effect.PROHIBIT && holds) {
        return new Decision(
            false,
            "prohibited (deny overrides permit)",
            r.policy().key(),
            r.rule().label(),
            describe(r.rule().constraints()));
      }
      if (r.rule().effect() == Policy.Effect.PERMIT) {
        if (holds && permit == null) {
          permit = r;
        } else if (!holds && failedPermit == null) {
          failedPermit = r;
        }
      }
    }
    if (permit != null) {
      return new Decision(
          true,
          "permitted",
          permit.policy().key(),
          permit.rule().label(),
          describe(permit.rule().constraints()));
    }
    if (failedPermit != null) {
      Policy.Constraint failing = failedPermit.failing(principal);
      return new Decision(
          false,
          "restricted: no permission applies",
          failedPermit.policy().key(),
          failedPermit.rule().label(),
          failing == null ? null : failing.label() + ": " + failing.describe());
    }
    return Decision.allow("no policy restricts it");
  }

  /**
   * The read decision for data carrying all these classifications together: every classification a
   * permission restricts needs an applicable permission, and an applicable prohibition of any
   * denies. Domain-scoped policies count only for the given domains.
   */
  Decision combined(Principal principal, Set<String> classifications, Set<String> domains) {
    if (principal.isAdmin()) {
      return Decision.allow("admins see everything");
    }
    Decision permitted = null;
    for (String classification : new java.util.TreeSet<>(classifications)) {
      CompiledRule permit = null;
      CompiledRule failed = null;
      for (CompiledRule r : rules) {
        Policy p = r.policy();
        if (!r.rule().actions().contains(Policy.Action.READ)
            || (p.domain() != null && !domains.contains(p.domain()))
            || !p.targets().classifications().contains(classification)) {
          continue;
        }
        boolean holds = r.principalHolds(principal);
        if (r.rule().effect() == Policy.Effect.PROHIBIT && holds) {
          return new Decision(
              false,
              "the combination is prohibited (" + classification + ")",
              p.key(),
              r.rule().label(),
              describe(r.rule().constraints()));
        }
        if (r.rule().effect() == Policy.Effect.PERMIT) {
          if (holds && permit == null) {
            permit = r;
          } else if (!holds && failed == null) {
            failed = r;
          }
        }
      }
      if (permit == null && failed != null) {
        Policy.Constraint failing = failed.failing(principal);
        return new Decision(
            false,
            "the combination is restricted (" + classification + "): no permission applies",
            failed.policy().key(),
            failed.rule().label(),
            failing == null ? null : failing.label() + ": " + failing.describe());
      }
      if (permit != null && permitted == null) {
        permitted =
            new Decision(
                true,
                "the combination is permitted",
                permit.policy().key(),
                permit.rule().label(),
                describe(permit.rule().constraints()));
      }
    }
    return permitted != null ? permitted : Decision.allow("no policy restricts the combination");
  }

  private boolean covers(CompiledRule r, String key) {
    return r.targets().contains(key) || r.targets().contains(DOMAIN_KEY + domainOf(key));
  }

  private static String describe(List<Policy.Constraint> constraints) {
    return constraints.isEmpty()
        ? null
        : String.join(
            " and ", constraints.stream().map(c -> c.label() + ": " + c.describe()).toList());
  }

  private Set<String> targets(
      Policy policy, Map<String, Set<String>> byDomain, Map<String, Set<String>> byClassification) {
    Set<String> keys = new HashSet<>(policy.targets().products());
    for (String d : policy.targets().domains()) {
      keys.add(DOMAIN_KEY + d);
      keys.addAll(byDomain.getOrDefault(d, Set.of()));
    }
    for (String c : policy.targets().classifications()) {
      for (String key : byClassification.getOrDefault(c, Set.of())) {
        if (policy.domain() == null || policy.domain().equals(domainOf(key))) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  // Product constraints are evaluated here, once per product, not per request.
  private Set<String> narrow(Set<String> base, Policy.Rule rule) {
    List<Policy.Constraint> about =
        rule.constraints().stream().filter(c -> c.operand().aboutProduct()).toList();
    if (about.isEmpty()) {
      return base;
    }
    Set<String> kept = new HashSet<>();
    for (String key : base) {
      ProductFacts f = facts.get(key);
      if (f != null && about.stream().allMatch(c -> c.holds(f.values(c.operand())))) {
        kept.add(key);
      }
    }
    return kept;
  }

  static String domainOf(String key) {
    return key.startsWith(DOMAIN_KEY)
        ? key.substring(DOMAIN_KEY.length())
        : key.substring(0, key.indexOf('/'));
  }

  static Set<String> values(Principal principal, Operand operand) {
    return switch (operand) {
      case ROLE -> {
        Set<String> roles = new HashSet<>();
        principal.roles().forEach(r -> roles.add(r.slug()));
        yield roles;
      }
      case DOMAIN -> principal.domains();
      default -> principal.attribute(operand.attribute());
    };
  }
}
