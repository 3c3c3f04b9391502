package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.ontology.IriMinter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompiledPoliciesTest {
  private static final IriMinter IRIS = new IriMinter("https://t.example");
  private static final ProductFacts PROFILES =
      facts("customer", "profiles", Set.of("pii"), "consume");
  private static final ProductFacts SEGMENTS =
      facts("customer", "segments", Set.of("internal"), "design");
  private static final ProductFacts ORDERS = facts("sales", "orders", Set.of("pii"), "consume");
  private static final Map<String, ProductFacts> FACTS =
      Map.of(PROFILES.key(), PROFILES, SEGMENTS.key(), SEGMENTS, ORDERS.key(), ORDERS);

  @Test
  void shouldHideARestrictedProductFromPrincipalsNoPermissionAppliesTo() {
    CompiledPolicies compiled =
        compile(
            policy(null, "eu-pii", classes("pii"), permit(Policy.Action.DISCOVER, region("eu"))));

    assertThat(compiled.hidden(consumer("us"), Policy.Action.DISCOVER))
        .containsExactlyInAnyOrder("customer/profiles", "sales/orders");
    assertThat(compiled.hidden(consumer("eu"), Policy.Action.DISCOVER)).isEmpty();
    assertThat(compiled.hidden(consumer("us"), Policy.Action.READ)).isEmpty();
  }

  @Test
  void shouldLetAProhibitionOverrideAPermission() {
    CompiledPolicies compiled =
        compile(
            policy(null, "eu-pii", classes("pii"), permit(Policy.Action.READ, region("eu"))),
            policy(
                null,
                "no-sales-pii",
                new Policy.Targets(Set.of("sales/orders"), Set.of(), Set.of()),
                prohibit(Policy.Action.READ, region("eu"))));

    assertThat(compiled.hidden(consumer("eu"), Policy.Action.READ)).containsExactly("sales/orders");
    Decision decision = compiled.explain(consumer("eu"), "sales/orders", Policy.Action.READ);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.policy()).isEqualTo("global/no-sales-pii");
    assertThat(decision.rule()).isEqualTo("prohibitions[0]");
  }

  @Test
  void shouldLimitADomainPolicyToItsDomainsProducts() {
    CompiledPolicies compiled =
        compile(
            policy(
                "customer",
                "eu-pii",
                classes("pii"),
                permit(Policy.Action.DISCOVER, region("eu"))));

    assertThat(compiled.hidden(consumer("us"), Policy.Action.DISCOVER))
        .containsExactly("customer/profiles");
  }

  @Test
  void shouldEvaluateProductConstraintsAtCompileTime() {
    Policy.Constraint consumable =
        new Policy.Constraint(
            "permissions[0].constraints[1]", Operand.PRODUCT_LIFECYCLE, true, Set.of("consume"));
    CompiledPolicies compiled =
        compile(
            policy(
                null,
                "consumable",
                new Policy.Targets(Set.of(), Set.of("customer"), Set.of()),
                new Policy.Rule(
                    "permissions[0]",
                    Policy.Effect.PERMIT,
                    Set.of(Policy.Action.READ),
                    List.of(region("eu"), consumable))));

    assertThat(compiled.hidden(consumer("us"), Policy.Action.READ))
        .containsExactlyInAnyOrder("customer/profiles");
  }

  @Test
  void shouldShowOwnersTheirDomainAndAdminsEverything() {
    CompiledPolicies compiled =
        compile(
            policy(null, "eu-pii", classes("pii"), permit(Policy.Action.DISCOVER, region("eu"))));
    Principal owner =
        new Principal(
            "o", Set.of(Role.DOMAIN_OWNER), Set.of("customer"), Map.of("region", Set.of("us")));

    assertThat(compiled.hidden(owner, Policy.Action.DISCOVER)).containsExactly("sales/orders");
    assertThat(compiled.explain(admin(), "sales/orders", Policy.Action.DISCOVER).allowed())
        .isTrue();
  }

  @Test
  void shouldNameTheFailingConstraintWhenNoPermissionApplies() {
    CompiledPolicies compiled =
        compile(
            policy(null, "eu-pii", classes("pii"), permit(Policy.Action.DISCOVER, region("eu"))));

    Decision decision =
        compiled.explain(consumer("us"), "customer/profiles", Policy.Action.DISCOVER);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.constraint())
        .isEqualTo("permissions[0].constraints[0]: region isAnyOf [eu]");
    assertThat(
            compiled.explain(consumer("us"), "customer/segments", Policy.Action.DISCOVER).reason())
        .isEqualTo("no policy restricts it");
  }

  @Test
  void shouldRequireAPermissionForEveryRestrictedClassificationOfACombination() {
    CompiledPolicies compiled =
        compile(
            policy(null, "eu-pii", classes("pii"), permit(Policy.Action.READ, region("eu"))),
            policy(
                null,
                "cleared",
                classes("restricted"),
                permit(
                    Policy.Action.READ,
                    new Policy.Constraint(
                        "permissions[0].constraints[0]", Operand.CLEARANCE, true, Set.of("top")))));

    Decision denied =
        compiled.combined(consumer("eu"), Set.of("pii", "restricted"), Set.of("customer"));
    assertThat(denied.allowed()).isFalse();
    assertThat(denied.policy()).isEqualTo("global/cleared");
    Principal cleared =
        new Principal(
            "c",
            Set.of(Role.CONSUMER),
            Set.of(),
            Map.of("region", Set.of("eu"), "clearances", Set.of("top")));
    assertThat(
            compiled.combined(cleared, Set.of("pii", "restricted"), Set.of("customer")).allowed())
        .isTrue();
  }

  @Test
  void shouldHideTheProductGraphAndItsOutputDatasetGraphs() {
    CompiledPolicies compiled = compile();
    assertThat(compiled.graphs(List.of("customer/profiles")))
        .containsExactlyInAnyOrder(
            IRIS.productGraph("customer", "profiles"),
            IRIS.datasetGraph("pg://db", "customer.profiles"));
    assertThat(compiled.graphs(List.of(CompiledPolicies.DOMAIN_KEY + "sales")))
        .containsExactly(IRIS.domainGraph("sales"));
  }

  private static CompiledPolicies compile(Policy... policies) {
    return new CompiledPolicies(List.of(policies), FACTS, IRIS);
  }

  private static ProductFacts facts(
      String domain, String name, Set<String> classes, String lifecycle) {
    return new ProductFacts(
        domain + "/" + name,
        domain,
        name,
        classes,
        Set.of(),
        lifecycle,
        Set.of(IRIS.productGraph(domain, name), IRIS.datasetGraph("pg://db", domain + "." + name)));
  }

  private static Policy policy(
      String domain, String name, Policy.Targets targets, Policy.Rule rule) {
    return new Policy(domain, name, null, targets, List.of(rule), List.of());
  }

  private static Policy.Targets classes(String classification) {
    return new Policy.Targets(Set.of(), Set.of(), Set.of(classification));
  }

  private static Policy.Rule permit(Policy.Action action, Policy.Constraint constraint) {
    return new Policy.Rule(
        "permissions[0]", Policy.Effect.PERMIT, Set.of(action), List.of(constraint));
  }

  private static Policy.Rule prohibit(Policy.Action action, Policy.Constraint constraint) {
    return new Policy.Rule(
        "prohibitions[0]",
        Policy.Effect.PROHIBIT,
        Set.of(action),
        List.of(
            new Policy.Constraint(
                "prohibitions[0].constraints[0]",
                constraint.operand(),
                constraint.anyOf(),
                constraint.values())));
  }

  private static Policy.Constraint region(String region) {
    return new Policy.Constraint(
        "permissions[0].constraints[0]", Operand.REGION, true, Set.of(region));
  }

  private static Principal consumer(String region) {
    return new Principal("c", Set.of(Role.CONSUMER), Set.of(), Map.of("region", Set.of(region)));
  }

  private static Principal admin() {
    return new Principal("a", Set.of(Role.ADMIN), Set.of(), Map.of());
  }
}
