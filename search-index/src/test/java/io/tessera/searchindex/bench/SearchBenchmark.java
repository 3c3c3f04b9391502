package io.tessera.searchindex.bench;

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
import io.tessera.graphstore.VisibilityScope;
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
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Measures the index on a synthetic catalog (not a test; no assertions): rebuild time, how long a
 * commit takes to become searchable, search and typeahead latency (with and without a visibility
 * scope), and reopening without a rebuild. Everything is seeded, so runs are comparable.
 *
 * <p>How to run it: see the module README ("Measure").
 */
public final class SearchBenchmark {
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
          "tax",
          "currency",
          "review",
          "rating",
          "category",
          "product",
          "sku",
          "channel",
          "store",
          "delivery",
          "route",
          "fleet",
          "ticket",
          "churn",
          "segment",
          "email",
          "newsletter");
  private static final List<String> PLATFORMS =
      List.of(
          "postgres://db:5432", "kafka://events:9092", "s3://lake", "bigquery", "snowflake://acme");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int products = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    Random random = new Random(42);
    Path dir = Files.createTempDirectory("search-bench");
    try (GraphStore store =
        new TdbGraphStore(
            GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology())) {
      load(store, products, random);
      long started = System.nanoTime();
      SearchIndex index = LuceneSearchIndex.open(SearchIndexConfig.at(dir), store, IRIS);
      index.awaitRevision(store.revision(), Duration.ofMinutes(30));
      System.out.printf(
          "catalog: %d products, %d documents; rebuild %d ms%n",
          products, index.status().documents(), millis(started));
      measureCommits(store, index, random);
      measure("search", 3000, random, r -> search(index, r, ReadScope.everything()));
      ReadScope scope =
          ReadScope.of(VisibilityScope.allGraphsExcept(Set.of(IRIS.base() + "/graph/product/d3")));
      measure("search, scoped", 3000, random, r -> search(index, r, scope));
      measure("suggest", 3000, random, r -> index.suggest(prefix(r), 8, ReadScope.everything()));
      index.close();
      started = System.nanoTime();
      try (SearchIndex reopened = LuceneSearchIndex.open(SearchIndexConfig.at(dir), store, IRIS)) {
        System.out.printf(
            "reopen: %d ms, rebuilds %d%n", millis(started), reopened.status().rebuilds());
      }
    }
  }

  private static void measureCommits(GraphStore store, SearchIndex index, Random random)
      throws InterruptedException {
    ProductRepository repository = new ProductRepository(store, IRIS);
    long[] samples = new long[100];
    for (int i = 0; i < samples.length; i++) {
      Product p = product("d0", "changed-" + i, random);
      long revision = store.write(w -> repository.put(w, p));
      long committed = System.nanoTime();
      index.awaitRevision(revision, Duration.ofSeconds(10));
      samples[i] = System.nanoTime() - committed;
    }
    report("commit -> searchable", samples);
  }

  private static void search(SearchIndex index, Random random, ReadScope scope) {
    String query =
        switch (random.nextInt(5)) {
          case 0 -> word(random);
          case 1 -> word(random) + " " + word(random);
          case 2 -> word(random) + "_id";
          case 3 -> typo(word(random), random);
          default -> word(random) + " " + word(random) + " " + word(random);
        };
    index.search(SearchRequest.of(query), scope);
  }

  private static String prefix(Random random) {
    String w = word(random);
    return w.substring(0, 1 + random.nextInt(Math.min(5, w.length())));
  }

  private static void measure(String name, int count, Random random, Consumer<Random> work) {
    for (int i = 0; i < count / 2; i++) {
      work.accept(random); // warm-up
    }
    long[] samples = new long[count];
    for (int i = 0; i < count; i++) {
      long t = System.nanoTime();
      work.accept(random);
      samples[i] = System.nanoTime() - t;
    }
    report(name, samples);
  }

  static void report(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-22s n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
        name,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.9)] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  static void load(GraphStore store, int products, Random random) {
    DomainRepository domains = new DomainRepository(store, IRIS);
    ProductRepository repository = new ProductRepository(store, IRIS);
    for (int d = 0; d < 10; d++) {
      Domain domain =
          new Domain("d" + d, "Domain " + word(random), null, "mailto:d@x.example", null, 1);
      store.write(w -> domains.put(w, domain));
    }
    List<Product> batch = new ArrayList<>();
    for (int i = 0; i < products; i++) {
      batch.add(product("d" + (i % 10), "p" + i, random));
      if (batch.size() == 100 || i == products - 1) {
        List<Product> write = List.copyOf(batch);
        store.write(w -> write.forEach(p -> repository.put(w, p)));
        batch.clear();
      }
    }
  }

  private static Product product(String domain, String name, Random random) {
    String title =
        capital(word(random)) + " " + capital(word(random)) + " " + capital(word(random));
    List<Port> ports = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      List<FieldDef> fields = new ArrayList<>();
      for (int f = 0; f < 12; f++) {
        fields.add(
            new FieldDef(
                word(random) + "_" + word(random) + "_" + f,
                "string",
                false,
                "The " + word(random) + " of the " + word(random),
                random.nextInt(5) == 0 ? List.of("pii") : List.of()));
      }
      ports.add(
          new Port(
              "port-" + p,
              PortType.TABLE,
              "Port with " + word(random) + " data",
              new DatasetRef(
                  PLATFORMS.get(random.nextInt(PLATFORMS.size())),
                  domain + "." + name + "." + word(random) + p),
              null,
              fields,
              null));
    }
    return new Product(
        domain,
        name,
        title,
        "Every " + word(random) + " and " + word(random) + " with " + word(random) + " details.",
        null,
        "mailto:" + domain + "@x.example",
        Lifecycle.values()[random.nextInt(5)],
        List.of(random.nextBoolean() ? "internal" : "confidential"),
        List.of(word(random), word(random)),
        ports,
        List.of(),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }

  static String word(Random random) {
    return WORDS.get(random.nextInt(WORDS.size()));
  }

  private static String typo(String word, Random random) {
    int i = 1 + random.nextInt(word.length() - 2);
    return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static long millis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
