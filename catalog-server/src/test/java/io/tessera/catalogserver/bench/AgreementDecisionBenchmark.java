package io.tessera.catalogserver.bench;

import io.tessera.governance.Agreement;
import io.tessera.governance.AgreementRepository;
import io.tessera.governance.Decision;
import io.tessera.governance.Finding;
import io.tessera.governance.FindingStore;
import io.tessera.governance.LineageMentions;
import io.tessera.governance.Policy;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.PolicyRepository;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What usage agreements cost the policy evaluator (not a test; seeded, no assertions): a catalog of
 * N products in 20 domains under demo-like policies ({@link BenchAgreements}), measured first with
 * no agreement and then with A active agreements over S subjects written in one {@code
 * store.write}: {@code scopeFor} cached and computed, {@code decide} allowed by an agreement,
 * denied and unrestricted, {@code explain}, the controller's obligation lookup, and re-reading the
 * agreements after one changes. How to run it: docs/benchmarks.md, "Agreements and run-time
 * decisions".
 */
public final class AgreementDecisionBenchmark {
  private static final IriMinter IRIS = new IriMinter("https://bench.example");

  private AgreementDecisionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int products = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int subjects = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    Random random = new Random(42);
    BenchAgreements bench = new BenchAgreements(products, random);
    try (GraphStore store =
        new TdbGraphStore(
            new GraphStoreConfig(null, Duration.ofMinutes(10), IRIS.vocabularyGraph()),
            new TesseraOntology())) {
      long started = System.nanoTime();
      load(store, bench);
      PolicyRepository policies = new PolicyRepository(store, IRIS);
      store.write(w -> bench.policies().forEach(p -> policies.put(w, p)));
      AgreementRepository agreements = new AgreementRepository(store, IRIS);
      LineageMentions mentions = new LineageMentions(store, IRIS);
      store.subscribe(mentions);
      PolicyEvaluator evaluator =
          new PolicyEvaluator(
              store, policies, IRIS, new NoFindings(), mentions, agreements, Clock.systemUTC());
      store.subscribe(evaluator);
      evaluator.policies();
      System.out.printf(
          "catalog: %d products (%d purpose-restricted or restricted), %d policies; %d ms%n",
          products, bench.restricted.size(), bench.policies().size(), millis(started));

      LatencySamples.quiet = true; // one pass to let the JIT settle before anything is reported
      measureAll(evaluator, bench, List.of(), subjects, "warm-up");
      LatencySamples.quiet = false;
      LatencySamples.header();
      measureAll(evaluator, bench, List.of(), subjects, "0 agreements");

      List<Agreement> all = bench.agreements(count, subjects, random, Instant.now());
      started = System.nanoTime();
      store.write(w -> all.forEach(a -> agreements.put(w, a)));
      long written = millis(started);
      started = System.nanoTime();
      evaluator.activeAgreements(BenchAgreements.consumer(BenchAgreements.subject(0), Map.of()));
      System.out.printf(
          "wrote %d agreements over %d subjects in one store.write: %d ms; first read: %d ms%n",
          all.size(), subjects, written, millis(started));
      reload(store, agreements, evaluator, all.get(0));
      LatencySamples.header();
      measureAll(evaluator, bench, all, subjects, all.size() + " agreements");
    }
  }

  private static void measureAll(
      PolicyEvaluator evaluator,
      BenchAgreements bench,
      List<Agreement> all,
      int subjects,
      String label) {
    List<Principal> principals = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      principals.add(BenchAgreements.consumer(BenchAgreements.subject(s), Map.of()));
    }
    Principal one = principals.get(0);
    Map<String, List<Agreement>> bySubject = new java.util.HashMap<>();
    all.forEach(a -> bySubject.computeIfAbsent(a.assignee(), k -> new ArrayList<>()).add(a));
    int[] n = {0};
    LatencySamples.run(label, "scopeFor, cached, one principal", i -> evaluator.scopeFor(one));
    LatencySamples.run(
        label,
        "scopeFor, cached, " + subjects + " principals",
        i -> evaluator.scopeFor(principals.get(i % subjects)));
    LatencySamples.run(
        label,
        "scopeFor, computed (cache miss)",
        i ->
            evaluator.scopeFor(
                BenchAgreements.consumer(
                    BenchAgreements.subject(i % subjects), Map.of("team", Set.of("t" + n[0]++)))));
    // denied: a restricted product the principal holds no agreement on, no purpose
    List<Case> denied = new ArrayList<>();
    List<Case> granted = new ArrayList<>();
    for (int s = 0; s < subjects; s++) {
      List<Agreement> mine = bySubject.getOrDefault(BenchAgreements.subject(s), List.of());
      Set<String> held = new java.util.HashSet<>();
      mine.forEach(a -> held.add(a.product()));
      String other =
          bench.restricted.stream().filter(k -> !held.contains(k)).skip(s % 50).findFirst().get();
      denied.add(new Case(principals.get(s), other, "table", null));
      for (Agreement a : mine) {
        if (a.purposeCode() != null) {
          granted.add(new Case(principals.get(s), a.product(), a.port(), a.purposeCode()));
          break;
        }
      }
    }
    print(label, "denied example", decide(evaluator, denied.get(0)));
    LatencySamples.run(
        label, "decide, denied", i -> decide(evaluator, denied.get(i % denied.size())));
    Case open = new Case(one, unrestricted(bench), "table", "reporting");
    print(label, "unrestricted example", decide(evaluator, open));
    LatencySamples.run(label, "decide, no policy restricts", i -> decide(evaluator, open));
    LatencySamples.run(
        label,
        "explain, restricted product",
        i -> {
          Case c = denied.get(i % denied.size());
          return evaluator.explain(c.principal(), c.domain(), c.name());
        });
    List<Case> byPolicy = new ArrayList<>();
    bench.purposeOf.forEach(
        (key, purpose) ->
            byPolicy.add(
                new Case(
                    BenchAgreements.consumer("holder", Map.of("purposes", Set.of(purpose))),
                    key,
                    "table",
                    purpose)));
    print(label, "allowed-by-policy example", decide(evaluator, byPolicy.get(0)));
    LatencySamples.run(
        label,
        "decide, allowed by policy (purpose held)",
        i -> decide(evaluator, byPolicy.get(i % byPolicy.size())));
    LatencySamples.run(
        label,
        "activeAgreementsOn (ODRL doc)",
        i -> evaluator.activeAgreementsOn(bench.restricted.get(i % bench.restricted.size())));
    Principal owner = new Principal("owner", Set.of(Role.DOMAIN_OWNER), Set.of("d1"), Map.of());
    LatencySamples.run(
        label, "policyGraphsVisibleTo, owner", i -> evaluator.policyGraphsVisibleTo(owner));
    if (granted.isEmpty()) {
      return;
    }
    print(label, "granted example", decide(evaluator, granted.get(0)));
    LatencySamples.run(
        label,
        "decide, allowed by agreement",
        i -> decide(evaluator, granted.get(i % granted.size())));
    LatencySamples.run(
        label,
        "decide + agreement(id) (controller)",
        i -> {
          Decision d = decide(evaluator, granted.get(i % granted.size()));
          return evaluator.agreement(d.agreement());
        });
    LatencySamples.run(
        label,
        "agreement(id) alone",
        i -> evaluator.agreement(all.get(Math.floorMod(i * 7919, all.size())).id()));
    LatencySamples.run(
        label,
        "explain, agreement product",
        i -> {
          Case c = granted.get(i % granted.size());
          return evaluator.explain(c.principal(), c.domain(), c.name());
        });
  }

  // After one agreement changes, the next request re-reads every agreement graph. Then the same
  // while another thread asks for a scope the cache holds (another principal's, as a concurrent
  // request would), starting 20 ms into the re-read.
  private static void reload(
      GraphStore store, AgreementRepository agreements, PolicyEvaluator evaluator, Agreement a)
      throws InterruptedException {
    Principal p = BenchAgreements.consumer(a.assignee(), Map.of());
    Principal other = BenchAgreements.consumer("no-agreements", Map.of());
    evaluator.scopeFor(other);
    long[] ms = new long[5];
    long[] stalled = new long[ms.length];
    for (int i = 0; i < ms.length; i++) {
      store.write(w -> agreements.put(w, a));
      long t = System.nanoTime();
      evaluator.scopeFor(p);
      ms[i] = millis(t);
      store.write(w -> agreements.put(w, a));
      Thread first = new Thread(() -> evaluator.scopeFor(p));
      first.start();
      Thread.sleep(20);
      t = System.nanoTime();
      evaluator.scopeFor(other);
      stalled[i] = millis(t);
      first.join();
    }
    System.out.printf(
        "first scopeFor after one agreement changed (re-reads all): %s ms%n",
        java.util.Arrays.toString(ms));
    System.out.printf(
        "  a cached scopeFor on another thread, 20 ms into that re-read: %s ms%n",
        java.util.Arrays.toString(stalled));
  }

  private static Decision decide(PolicyEvaluator evaluator, Case c) {
    return evaluator.decide(c.principal(), c.product(), c.port(), Policy.Action.READ, c.purpose());
  }

  private static String unrestricted(BenchAgreements bench) {
    for (int i = 0; i < bench.products; i++) {
      String key = BenchAgreements.key(i);
      if (!bench.restricted.contains(key)) {
        return key;
      }
    }
    throw new IllegalStateException("every product is restricted");
  }

  private static void print(String label, String what, Decision d) {
    if (LatencySamples.quiet) {
      return;
    }
    System.out.printf(
        "  (%s, %s: allowed=%s, %s, agreement %s)%n",
        label, what, d.allowed(), d.reason(), d.agreement());
  }

  private static void load(GraphStore store, BenchAgreements bench) {
    DomainRepository domains = new DomainRepository(store, IRIS);
    ProductRepository repository = new ProductRepository(store, IRIS);
    store.write(
        w -> {
          for (int d = 0; d < BenchAgreements.DOMAINS; d++) {
            domains.put(w, new Domain("d" + d, "Domain " + d, null, "mailto:d@x.example", null, 1));
          }
        });
    for (int from = 0; from < bench.products; from += 500) {
      List<Product> batch = new ArrayList<>();
      for (int i = from; i < Math.min(bench.products, from + 500); i++) {
        batch.add(bench.product(i));
      }
      store.write(w -> batch.forEach(p -> repository.put(w, p)));
    }
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  /** One decision question. */
  private record Case(Principal principal, String product, String port, String purpose) {
    String domain() {
      return product.substring(0, product.indexOf('/'));
    }

    String name() {
      return product.substring(product.indexOf('/') + 1);
    }
  }

  /** No lineage findings in the benchmark. */
  private static final class NoFindings implements FindingStore {
    @Override
    public boolean record(Finding finding) {
      return false;
    }

    @Override
    public List<Finding> list() {
      return List.of();
    }

    @Override
    public Map<String, Set<String>> inherited() {
      return Map.of();
    }
  }
}
