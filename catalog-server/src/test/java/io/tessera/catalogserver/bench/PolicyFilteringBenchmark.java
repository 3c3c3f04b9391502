package io.tessera.catalogserver.bench;

import io.tessera.governance.AccessScope;
import io.tessera.governance.Finding;
import io.tessera.governance.FindingStore;
import io.tessera.governance.LineageMentions;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.PolicyRepository;
import io.tessera.governance.Principal;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TesseraOntology;
import io.tessera.searchindex.LuceneSearchIndex;
import io.tessera.searchindex.SearchIndex;
import io.tessera.searchindex.SearchIndexConfig;
import io.tessera.searchindex.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Measures what policies cost a search (not a test; no assertions): a seeded synthetic catalog of N
 * products in 100 domains with 100 policies (domain and global; permissions on classifications
 * constrained by region and purpose, prohibitions), then policy compilation, the per-request scope
 * (computed and cached), and search latency unfiltered versus filtered by the scope a consumer
 * gets. How to run it: docs/benchmarks.md, "Policy filtering".
 */
public final class PolicyFilteringBenchmark {
  private static final IriMinter IRIS = new IriMinter("https://bench.example");
  private static final List<String> WORDS =
      List.of(
          "customer",
          "order",
          "invoice",
          "payment",
          "shipment",
          "carrier",
          "stock",
          "warehouse",
          "price",
          "discount",
          "campaign",
          "session",
          "click",
          "basket",
          "refund",
          "return",
          "loyalty",
          "consent",
          "supplier",
          "forecast",
          "revenue",
          "margin",
          "ledger",
          "tax");
  private static final List<String> CLASSES = BenchPolicies.CLASSES;
  private static final int DOMAINS = 100;
  private static final int POLICIES = BenchPolicies.COUNT;

  private PolicyFilteringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int products = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Random random = new Random(42);
    Path dir = Files.createTempDirectory("policy-bench");
    try (GraphStore store =
        new TdbGraphStore(
            new GraphStoreConfig(null, Duration.ofMinutes(10), IRIS.vocabularyGraph()),
            new TesseraOntology())) {
      long started = System.nanoTime();
      load(store, products, random);
      PolicyRepository policies = new PolicyRepository(store, IRIS);
      store.write(w -> BenchPolicies.policies(random, DOMAINS).forEach(p -> policies.put(w, p)));
      System.out.printf(
          "catalog: %d products, %d policies; loaded in %d ms%n",
          products, POLICIES, millis(started));
      started = System.nanoTime();
      SearchIndex index = LuceneSearchIndex.open(SearchIndexConfig.at(dir), store, IRIS);
      index.awaitRevision(store.revision(), Duration.ofMinutes(60));
      System.out.printf(
          "index: %d documents in %d ms%n", index.status().documents(), millis(started));

      LineageMentions mentions = new LineageMentions(store, IRIS);
      store.subscribe(mentions);
      PolicyEvaluator evaluator =
          new PolicyEvaluator(store, policies, IRIS, new NoFindings(), mentions);
      store.subscribe(evaluator);
      Principal consumer = BenchPolicies.consumer("eu", "analytics");
      started = System.nanoTime();
      evaluator.policies();
      System.out.printf("compile policies (read the products' facts): %d ms%n", millis(started));
      started = System.nanoTime();
      AccessScope scope = evaluator.scopeFor(consumer);
      System.out.printf(
          "first scope: %d ms; the consumer's discover scope hides %d graphs%n",
          millis(started), scope.discover().graphs().size());
      int[] n = {0};
      measure(
          "scope, computed",
          400,
          random,
          r -> evaluator.scopeFor(BenchPolicies.consumer("eu", "p" + n[0]++)));
      measure("scope, cached", 3000, random, r -> evaluator.scopeFor(consumer));
      measure("search, unfiltered", 3000, random, r -> search(index, r, ReadScope.everything()));
      ReadScope policy = searchScope(scope);
      measure("search, policy scope", 3000, random, r -> search(index, r, policy));
      measure(
          "search + cached scope",
          3000,
          random,
          r -> search(index, r, searchScope(evaluator.scopeFor(consumer))));
      index.close();
    }
  }

  private static void load(GraphStore store, int products, Random random) {
    DomainRepository domains = new DomainRepository(store, IRIS);
    ProductRepository repository = new ProductRepository(store, IRIS);
    store.write(
        w -> {
          for (int d = 0; d < DOMAINS; d++) {
            domains.put(w, new Domain("d" + d, "Domain " + d, null, "mailto:d@x.example", null, 1));
          }
        });
    List<Product> batch = new ArrayList<>();
    for (int i = 0; i < products; i++) {
      batch.add(product("d" + (i % DOMAINS), "p" + i, random));
      if (batch.size() == 500 || i == products - 1) {
        List<Product> write = List.copyOf(batch);
        store.write(w -> write.forEach(p -> repository.put(w, p)));
        batch.clear();
      }
    }
  }

  private static Product product(String domain, String name, Random random) {
    List<FieldDef> fields = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      fields.add(new FieldDef(word(random) + "_" + f, "string", false, null, List.of()));
    }
    Port port =
        new Port(
            "table",
            PortType.TABLE,
            null,
            new DatasetRef("postgres://db:5432", domain + "." + name),
            null,
            fields,
            null);
    return new Product(
        domain,
        name,
        word(random) + " " + word(random),
        "Every " + word(random) + " and " + word(random) + ".",
        null,
        "mailto:" + domain + "@x.example",
        Lifecycle.values()[random.nextInt(5)],
        List.of(CLASSES.get(random.nextInt(CLASSES.size()))),
        List.of(word(random)),
        List.of(port),
        List.of(),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }

  private static ReadScope searchScope(AccessScope scope) {
    return scope.readScope();
  }

  private static void search(SearchIndex index, Random random, ReadScope scope) {
    String query = random.nextBoolean() ? word(random) : word(random) + " " + word(random);
    index.search(SearchRequest.of(query), scope);
  }

  private static void measure(String name, int count, Random random, Consumer<Random> work) {
    for (int i = 0; i < count / 2; i++) {
      work.accept(random);
    }
    long[] samples = new long[count];
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      work.accept(random);
      samples[i] = System.nanoTime() - t;
    }
    Arrays.sort(samples);
    System.out.printf(
        "%-24s n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms%n",
        name,
        count,
        samples[count / 2] / 1e6,
        samples[(int) (count * 0.9)] / 1e6,
        samples[(int) (count * 0.99)] / 1e6);
  }

  private static String word(Random random) {
    return WORDS.get(random.nextInt(WORDS.size()));
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
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
