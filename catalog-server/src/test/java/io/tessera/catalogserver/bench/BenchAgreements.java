package io.tessera.catalogserver.bench;

import io.tessera.governance.Agreement;
import io.tessera.governance.Operand;
import io.tessera.governance.Policy;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The catalog, policies and agreements of {@link AgreementDecisionBenchmark}, shaped like the demo:
 * a global policy keeps {@code restricted} products to EU residents, and each domain keeps a fifth
 * of its products to one purpose; agreements are on those restricted products, a purpose code on
 * the purpose-restricted ones, one in four limited to the {@code table} port. Seeded.
 */
final class BenchAgreements {
  static final List<String> CLASSES =
      List.of("internal", "public", "confidential", "pii", "restricted");
  static final List<String> PURPOSES =
      List.of("retention", "fraud-detection", "reporting", "research");
  static final int DOMAINS = 20;
  static final int PER_SUBJECT = 5;

  final int products;
  final List<String> classification = new ArrayList<>();

  /** Product key to the purpose its domain's policy keeps it to. */
  final Map<String, String> purposeOf = new java.util.HashMap<>();

  /** Products an agreement can lift something on: purpose-restricted or classified restricted. */
  final List<String> restricted = new ArrayList<>();

  BenchAgreements(int products, Random random) {
    this.products = products;
    for (int i = 0; i < products; i++) {
      String key = key(i);
      classification.add(CLASSES.get(random.nextInt(CLASSES.size())));
      if ((i / DOMAINS) % 5 == 0) {
        purposeOf.put(key, PURPOSES.get((i % DOMAINS) % PURPOSES.size()));
      }
      if (purposeOf.containsKey(key) || classification.get(i).equals("restricted")) {
        restricted.add(key);
      }
    }
  }

  static String key(int i) {
    return "d" + (i % DOMAINS) + "/p" + i;
  }

  Product product(int i) {
    String domain = "d" + (i % DOMAINS);
    List<Port> ports = new ArrayList<>();
    for (String port : List.of("table", "events")) {
      ports.add(
          new Port(
              port,
              PortType.TABLE,
              null,
              new DatasetRef("postgres://db:5432", domain + ".p" + i + "_" + port),
              null,
              List.of(
                  new FieldDef("id", "bigint", false, null, List.of()),
                  new FieldDef("email", "string", true, null, List.of("pii"))),
              null));
    }
    return new Product(
        domain,
        "p" + i,
        "Product " + i,
        "Synthetic product " + i + ".",
        null,
        "mailto:" + domain + "@x.example",
        Lifecycle.values()[i % 5],
        List.of(classification.get(i)),
        List.of("bench"),
        ports,
        List.of(),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }

  /** The global EU-only policy and one purpose policy per domain (like the demo's two). */
  List<Policy> policies() {
    List<Policy> out = new ArrayList<>();
    out.add(
        new Policy(
            null,
            "restricted-data-eu-only",
            "Restricted data only for EU residents.",
            new Policy.Targets(Set.of(), Set.of(), Set.of("restricted")),
            List.of(
                new Policy.Rule(
                    "permissions[0]",
                    Policy.Effect.PERMIT,
                    Set.of(Policy.Action.DISCOVER, Policy.Action.READ),
                    List.of(
                        new Policy.Constraint(
                            "permissions[0].constraints[0]", Operand.REGION, true, Set.of("eu"))))),
            List.of(new Policy.ToxicCombination(Set.of("pii", "precise-location"), "restricted"))));
    for (int d = 0; d < DOMAINS; d++) {
      String domain = "d" + d;
      String purpose = PURPOSES.get(d % PURPOSES.size());
      Set<String> targets = new java.util.HashSet<>();
      purposeOf.forEach(
          (key, p) -> {
            if (key.startsWith(domain + "/")) {
              targets.add(key);
            }
          });
      out.add(
          new Policy(
              domain,
              "scores-for-" + purpose,
              "Readable for " + purpose + " only.",
              new Policy.Targets(targets, Set.of(), Set.of()),
              List.of(
                  new Policy.Rule(
                      "permissions[0]",
                      Policy.Effect.PERMIT,
                      Set.of(Policy.Action.READ),
                      List.of(
                          new Policy.Constraint(
                              "permissions[0].constraints[0]",
                              Operand.PURPOSE,
                              true,
                              Set.of(purpose))))),
              List.of()));
    }
    return out;
  }

  /**
   * {@code count} active agreements over {@code subjects} subjects ({@code consumer-N}), each
   * subject's on distinct restricted products.
   */
  List<Agreement> agreements(int count, int subjects, Random random, Instant now) {
    List<Agreement> out = new ArrayList<>(count);
    List<String> pool = new ArrayList<>(restricted);
    for (int s = 0; s < subjects && out.size() < count; s++) {
      Collections.shuffle(pool, random);
      int n = count / subjects + (s < count % subjects ? 1 : 0);
      for (int k = 0; k < n; k++) {
        String product = pool.get(k);
        String id = "req-" + UUID.nameUUIDFromBytes((s + ":" + k).getBytes(StandardCharsets.UTF_8));
        out.add(
            new Agreement(
                id,
                subject(s),
                product,
                random.nextInt(4) == 0 ? "table" : null,
                purposeOf.get(product),
                "bench agreement " + id,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(180)),
                Agreement.State.ACTIVE));
      }
    }
    return out;
  }

  static String subject(int s) {
    return String.format("consumer-%04d", s);
  }

  /** A consumer from the US with no purposes of its own: every restricted product needs a grant. */
  static Principal consumer(String subject, Map<String, Set<String>> extra) {
    Map<String, Set<String>> attributes = new java.util.HashMap<>(extra);
    attributes.put("region", Set.of("us"));
    return new Principal(subject, Set.of(Role.CONSUMER), Set.of(), attributes);
  }
}
