package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which policy graphs a principal's scope leaves out: a policy names its targets and the attribute
 * values that unlock them, so only admins and the owners of the domain it governs may see it.
 */
class PolicyGraphVisibilityTest {
  private static final IriMinter IRIS = new IriMinter("https://catalog.example");
  private static final String GLOBAL = IRIS.policyGraph(null, "eu-only");
  private static final String SALES = IRIS.policyGraph("sales", "orders-for-finance");
  private static final String HR = IRIS.policyGraph("hr", "salaries-for-hr");
  private static final String LATER = IRIS.policyGraph("ops", "applied-later");
  private static final List<Policy> POLICIES =
      List.of(
          policy(null, "eu-only"),
          policy("sales", "orders-for-finance"),
          policy("hr", "salaries-for-hr"));

  private final PolicyEvaluator evaluator = new PolicyEvaluator(null, null, IRIS, null, null);

  @Test
  void shouldHideEveryPolicyGraphFromAPrincipalThatOwnsNoDomain() {
    for (Principal p :
        List.of(
            Principal.anonymous(),
            principal(Set.of(Role.CONSUMER), Set.of()),
            principal(Set.of(Role.PRODUCER), Set.of("sales")))) {
      VisibilityScope scope = scope(p);
      assertThat(List.of(GLOBAL, SALES, HR, LATER)).noneMatch(scope::allows);
      assertThat(scope.allows(IRIS.productGraph("sales", "orders"))).isTrue();
    }
  }

  @Test
  void shouldShowADomainOwnerItsDomainsPoliciesOnly() {
    VisibilityScope scope = scope(principal(Set.of(Role.DOMAIN_OWNER), Set.of("sales")));
    assertThat(scope.allows(SALES)).isTrue();
    assertThat(scope.allows(GLOBAL)).isFalse();
    assertThat(scope.allows(IRIS.policyGraph(null, "applied-later"))).isFalse();
    assertThat(scope.allows(HR)).isFalse();
  }

  @Test
  void shouldHideNothingFromAnAdminOrWhenThereAreNoPolicies() {
    assertThat(evaluator.hiddenPolicyGraphs(principal(Set.of(Role.ADMIN), Set.of()), POLICIES))
        .isEmpty();
    assertThat(evaluator.hiddenPolicyGraphs(Principal.anonymous(), List.of())).isEmpty();
  }

  private VisibilityScope scope(Principal principal) {
    return VisibilityScope.allGraphsExcept(evaluator.hiddenPolicyGraphs(principal, POLICIES));
  }

  private static Principal principal(Set<Role> roles, Set<String> domains) {
    return new Principal("someone", roles, domains, Map.of());
  }

  private static Policy policy(String domain, String name) {
    return new Policy(
        domain,
        name,
        null,
        new Policy.Targets(Set.of(), Set.of(), Set.of("restricted")),
        List.of(),
        List.of());
  }
}
