package io.tessera.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Usage agreements in the evaluator: an agreement is a permission for its assignee on its product
 * (lifting a restriction), its purpose code counts as the assignee's purpose for that product only,
 * a prohibition or an inherited toxic classification still wins; and agreements survive the trip
 * through their ODRL graph.
 */
class AgreementsTest {
  private static final IriMinter IRIS = new IriMinter("https://t.example");
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  private static final ProductFacts CHURN = facts("customer", "churn", Set.of("pii"));
  private static final ProductFacts PROFILES = facts("customer", "profiles", Set.of("restricted"));
  private static final Map<String, ProductFacts> FACTS =
      Map.of(CHURN.key(), CHURN, PROFILES.key(), PROFILES);
  private static final Policy RETENTION =
      new Policy(
          "customer",
          "churn-for-retention",
          null,
          new Policy.Targets(Set.of("customer/churn"), Set.of(), Set.of()),
          List.of(rule("permissions[0]", Policy.Effect.PERMIT, Operand.PURPOSE, "retention")),
          List.of());
  private static final Policy EU_ONLY =
      new Policy(
          null,
          "eu-only",
          null,
          new Policy.Targets(Set.of(), Set.of(), Set.of("restricted")),
          List.of(rule("permissions[0]", Policy.Effect.PERMIT, Operand.REGION, "eu")),
          List.of());
  private static final Policy NO_MARKETING =
      new Policy(
          null,
          "no-marketing",
          null,
          new Policy.Targets(Set.of("customer/churn"), Set.of(), Set.of()),
          List.of(rule("prohibitions[0]", Policy.Effect.PROHIBIT, Operand.PURPOSE, "marketing")),
          List.of());

  @Test
  void shouldLetAnAgreementsPurposeMakeThePermissionApplyForItsProductOnly() {
    CompiledPolicies compiled = new CompiledPolicies(List.of(RETENTION, EU_ONLY), FACTS, IRIS);
    Principal analyst = consumer("us");
    List<Agreement> active = List.of(agreement("customer/churn", "retention"));

    java.util.Set<String> hidden = compiled.hidden(analyst, Policy.Action.READ);
    assertThat(hidden).contains("customer/churn");
    compiled.grant(hidden, analyst, active, Policy.Action.READ);
    assertThat(hidden).doesNotContain("customer/churn");

    Decision read = compiled.explain(analyst, "customer/churn", Policy.Action.READ, active);
    assertThat(read.allowed()).isTrue();
    assertThat(read.policy()).isEqualTo("customer/churn-for-retention");
    assertThat(read.agreement()).isEqualTo("req-1");
    // the purpose is not the principal's elsewhere
    assertThat(compiled.explain(analyst, "customer/profiles", Policy.Action.READ, active).allowed())
        .isFalse();
  }

  @Test
  void shouldLiftARestrictionButNotAProhibitionNorAToxicCombination() {
    Agreement onProfiles = agreement("customer/profiles", "analytics");
    CompiledPolicies compiled = new CompiledPolicies(List.of(EU_ONLY), FACTS, IRIS);
    Decision granted =
        compiled.explain(
            consumer("us"), "customer/profiles", Policy.Action.READ, List.of(onProfiles));
    assertThat(granted.allowed()).isTrue();
    assertThat(granted.reason()).startsWith("granted by agreement req-1");

    CompiledPolicies prohibited =
        new CompiledPolicies(List.of(RETENTION, NO_MARKETING), FACTS, IRIS);
    Agreement forMarketing = agreement("customer/churn", "marketing");
    Set<String> hidden = prohibited.hidden(consumer("us"), Policy.Action.READ);
    prohibited.grant(hidden, consumer("us"), List.of(forMarketing), Policy.Action.READ);
    assertThat(hidden).contains("customer/churn");
    assertThat(
            prohibited
                .explain(
                    consumer("us"), "customer/churn", Policy.Action.READ, List.of(forMarketing))
                .reason())
        .startsWith("prohibited");

    CompiledPolicies toxic =
        new CompiledPolicies(
            List.of(EU_ONLY), FACTS, IRIS, Map.of("customer/profiles", Set.of("restricted")));
    Set<String> stillHidden = toxic.hidden(consumer("us"), Policy.Action.READ);
    toxic.grant(stillHidden, consumer("us"), List.of(onProfiles), Policy.Action.READ);
    assertThat(stillHidden).contains("customer/profiles");
    assertThat(
            toxic
                .explain(
                    consumer("us"), "customer/profiles", Policy.Action.READ, List.of(onProfiles))
                .reason())
        .contains("toxic combination");
  }

  @Test
  void shouldCountOnlyAgreementsActiveAtTheInstant() {
    Agreement a = agreement("customer/churn", "retention");
    assertThat(a.activeAt(NOW)).isTrue();
    assertThat(a.activeAt(NOW.plus(31, ChronoUnit.DAYS))).isFalse();
    assertThat(a.activeAt(NOW.minus(1, ChronoUnit.DAYS))).isFalse();
    assertThat(a.withState(Agreement.State.REVOKED).activeAt(NOW)).isFalse();
  }

  @Test
  void shouldRoundTripAnAgreementThroughItsValidatedOdrlGraph() throws Exception {
    try (GraphStore store =
        new TdbGraphStore(
            new GraphStoreConfig(null, java.time.Duration.ofSeconds(30), IRIS.vocabularyGraph()),
            new io.tessera.ontology.TesseraOntology())) {
      AgreementRepository repository = new AgreementRepository(store, IRIS);
      Agreement onPort =
          new Agreement(
              "req-2",
              "us analyst+1@example.com",
              "customer/churn",
              "scores",
              null,
              "Campaign",
              NOW,
              NOW.plus(30, ChronoUnit.DAYS),
              Agreement.State.ACTIVE);
      store.write(
          w -> {
            repository.put(w, agreement("customer/churn", "retention"));
            repository.put(w, onPort);
          });
      assertThat(repository.list())
          .containsExactlyInAnyOrder(agreement("customer/churn", "retention"), onPort);
    }
  }

  private static Agreement agreement(String product, String purposeCode) {
    return new Agreement(
        "req-1",
        "analyst",
        product,
        null,
        purposeCode,
        "why",
        NOW.minus(1, ChronoUnit.HOURS),
        NOW.plus(30, ChronoUnit.DAYS),
        Agreement.State.ACTIVE);
  }

  private static Policy.Rule rule(
      String label, Policy.Effect effect, Operand operand, String value) {
    return new Policy.Rule(
        label,
        effect,
        Set.of(Policy.Action.READ, Policy.Action.DISCOVER),
        List.of(new Policy.Constraint(label + ".constraints[0]", operand, true, Set.of(value))));
  }

  private static Principal consumer(String region) {
    return new Principal(
        "analyst", Set.of(Role.CONSUMER), Set.of(), Map.of("region", Set.of(region)));
  }

  private static ProductFacts facts(String domain, String name, Set<String> classes) {
    return new ProductFacts(
        domain + "/" + name,
        domain,
        name,
        classes,
        Set.of(),
        "consume",
        Set.of(IRIS.productGraph(domain, name)));
  }
}
