package io.tessera.catalogserver.bench;

import io.tessera.governance.Operand;
import io.tessera.governance.Policy;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The policies and the consumer of the policy benchmarks: 100 policies, three in four
 * domain-scoped, each permitting discover and read of one classification to one region, every fifth
 * also prohibiting reads for any purpose but audit.
 */
final class BenchPolicies {
  static final List<String> CLASSES =
      List.of("internal", "confidential", "pii", "finance", "health", "location", "contract", "hr");
  static final List<String> REGIONS = List.of("eu", "us", "apac", "latam", "mena");
  static final int COUNT = 100;

  private BenchPolicies() {}

  /** The policies, spread over domains {@code d0 .. d(domains-1)}. */
  static List<Policy> policies(Random random, int domains) {
    List<Policy> out = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      String domain = i % 4 == 3 ? null : "d" + (i % domains);
      String classification = CLASSES.get(random.nextInt(CLASSES.size()));
      Policy.Constraint region =
          new Policy.Constraint(
              "permissions[0].constraints[0]",
              Operand.REGION,
              true,
              Set.of(REGIONS.get(random.nextInt(REGIONS.size()))));
      List<Policy.Rule> rules = new ArrayList<>();
      rules.add(
          new Policy.Rule(
              "permissions[0]",
              Policy.Effect.PERMIT,
              Set.of(Policy.Action.DISCOVER, Policy.Action.READ),
              List.of(region)));
      if (i % 5 == 0) {
        rules.add(
            new Policy.Rule(
                "prohibitions[0]",
                Policy.Effect.PROHIBIT,
                Set.of(Policy.Action.READ),
                List.of(
                    new Policy.Constraint(
                        "prohibitions[0].constraints[0]",
                        Operand.PURPOSE,
                        false,
                        Set.of("audit")))));
      }
      out.add(
          new Policy(
              domain,
              "policy-" + i,
              null,
              new Policy.Targets(Set.of(), Set.of(), Set.of(classification)),
              rules,
              List.of()));
    }
    return out;
  }

  /** A consumer with one region and one purpose. */
  static Principal consumer(String region, String purpose) {
    return new Principal(
        "bench",
        Set.of(Role.CONSUMER),
        Set.of(),
        Map.of("region", Set.of(region), "purposes", Set.of(purpose)));
  }
}
