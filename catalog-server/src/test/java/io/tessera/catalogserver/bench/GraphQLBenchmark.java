package io.tessera.catalogserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.tessera.governance.PolicyRepository;
import io.tessera.graphstore.DatasetRef;
import io.tessera.graphstore.Domain;
import io.tessera.graphstore.DomainRepository;
import io.tessera.graphstore.FieldDef;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.Product;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.SparqlQueries;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.Lifecycle;
import io.tessera.ontology.PortType;
import io.tessera.ontology.TesseraOntology;
import io.tessera.searchindex.SearchIndex;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;

/**
 * Measures GraphQL latency (over HTTP, through the whole server) for a product page and a domain
 * page on a synthetic catalog of N products, against the same data read directly with SPARQL
 * in-process, and the same pages read by a consumer under 100 policies against an admin's
 * unfiltered reads. Not a test; prints its figures. Seeded, so runs are comparable.
 *
 * <p>How to run it: see docs/benchmarks.md ("GraphQL").
 */
public final class GraphQLBenchmark {
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The server is private to the benchmark (loopback, random port); every request is an admin's
   * except the consumer rows, which use a token the benchmark issues.
   */
  private static final String ADMIN_TOKEN = "graphql-bench-admin-token-on-loopback-only";

  private static final int DOMAINS = 20;
  private static final int SAMPLED = 20;
  private static final int WARM_UP = 2000;
  private static final int WARM_UP_ROUND = 1000;
  private static final int WARM_UP_ROUNDS = 30;
  private static final double JIT_SETTLED = 0.01;
  private static final String PRODUCT_PAGE =
      """
      query($d: String!, $n: String!) { product(domain: $d, name: $n) {
        name title owner lifecycle state physicalSince
        outputPorts { edges { node { name type
          schema { edges { node { name type required } } }
          dataset { namespace name physical
            lineage(depth: 1) { nodes { id type name } edges { origin destination } } } } } }
        inputPorts { edges { node { name dataset { namespace name } } } } } }""";
  private static final String TRIVIAL = "{ __typename }";
  private static final String PRODUCT_NAME =
      "query($d: String!, $n: String!) { product(domain: $d, name: $n) { name } }";
  private static final String DOMAIN_PAGE =
      """
      query($d: String!) { domain(name: $d) { name title
        products(first: 50) { edges { node { name title owner state
          outputPorts { edges { node { name dataset { name } } } } } } } } }""";

  private GraphQLBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    // A third argument keeps the loaded store in that directory and reuses it on the next run
    // with the same N, so that before/after runs measure the same data without loading it again.
    Path dir =
        args.length > 2
            ? Files.createDirectories(Path.of(args[2]))
            : Files.createTempDirectory("graphql-bench");
    Path loaded = dir.resolve("loaded-" + n);
    // A fourth argument runs only the groups whose first row's name contains it (for profiling);
    // a fifth makes the rows of a group take turns in blocks of that many requests (default 1).
    Plan plan =
        new Plan(args.length > 3 ? args[3] : "", args.length > 4 ? Integer.parseInt(args[4]) : 1);
    long started = System.nanoTime();
    if (Files.exists(loaded)) {
      System.out.printf("reusing the %d products loaded in %s%n", n, dir);
    } else {
      if (Files.exists(dir.resolve("graph"))) {
        throw new IllegalStateException(dir + " holds a store of another size; use another dir");
      }
      try (GraphStore store =
          new TdbGraphStore(
              new GraphStoreConfig(
                  dir.resolve("graph"), Duration.ofSeconds(30), IRIS.vocabularyGraph()),
              new TesseraOntology())) {
        load(store, n, new Random(42));
      }
      Files.createFile(loaded);
      System.out.printf(
          "loaded %d products in %d s%n", n, (System.nanoTime() - started) / 1_000_000_000);
    }
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "tessera.data-dir",
                dir.toString(),
                "micronaut.server.port",
                "-1",
                "tessera.query-timeout",
                "120s",
                "tessera.security.admin-token",
                ADMIN_TOKEN))) {
      EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
      GraphStore store = context.getBean(GraphStore.class);
      SearchIndex index = context.getBean(SearchIndex.class);
      started = System.nanoTime();
      index.awaitRevision(store.revision(), Duration.ofHours(1));
      System.out.printf(
          "search index ready after %d s%n", (System.nanoTime() - started) / 1_000_000_000);
      HttpClient http = HttpClient.newHttpClient();
      String base = server.getURL().toString();
      // A consumer in the EU reading for analytics: the 100 policies decide what it sees.
      String consumer =
          JSON.readTree(
                  post(
                      http,
                      base + "/api/v1/tokens",
                      JSON.writeValueAsString(
                          Map.of(
                              "subject", "bench-consumer",
                              "roles", List.of("consumer"),
                              "attributes",
                                  Map.of(
                                      "region", List.of("eu"), "purposes", List.of("analytics"))))))
              .path("secret")
              .asText();
      started = System.nanoTime();
      List<int[]> sampled = new ArrayList<>();
      int hidden = 0;
      for (int i = 0; i < SAMPLED; i++) {
        // the first product from here on that the consumer may see, so that both readers
        // request the same pages and get the same answers
        for (int p = (int) ((long) i * n / SAMPLED); ; p++) {
          JsonNode seen =
              graphql(
                  http, base, consumer, PRODUCT_NAME, Map.of("d", "d" + p % DOMAINS, "n", "p" + p));
          if (!seen.path("data").path("product").isNull()) {
            sampled.add(new int[] {p % DOMAINS, p});
            post(http, base + "/api/v1/lineage", event(p, n));
            break;
          }
          hidden++;
        }
      }
      System.out.printf(
          "sampled %d products the consumer sees (skipped %d hidden) in %d ms%n",
          SAMPLED, hidden, (System.nanoTime() - started) / 1_000_000);
      awaitLineage(http, base, sampled.getLast());
      // measure a settled server: the search index has taken in the runs too
      index.awaitRevision(store.revision(), Duration.ofHours(1));

      // What every query pays before it reads anything: HTTP, JSON, parsing, validation, limits.
      IntConsumer trivial = i -> graphql(http, base, TRIVIAL, Map.of());
      IntConsumer productName =
          i -> {
            int[] s = sampled.get(i % SAMPLED);
            graphql(http, base, PRODUCT_NAME, Map.of("d", "d" + s[0], "n", "p" + s[1]));
          };
      IntConsumer graphqlProductPage =
          i -> {
            int[] s = sampled.get(i % SAMPLED);
            graphql(http, base, PRODUCT_PAGE, Map.of("d", "d" + s[0], "n", "p" + s[1]));
          };
      Query productPage = SparqlQueries.load(GraphQLBenchmark.class, "/bench/product-page.rq");
      Query lineage = SparqlQueries.load(GraphQLBenchmark.class, "/bench/dataset-lineage.rq");
      IntConsumer sparqlProductPage =
          i -> {
            int[] s = sampled.get(i % SAMPLED);
            store.read(
                r -> {
                  List<Row> rows =
                      r.select(
                          productPage,
                          Map.of("product", iri(IRIS.product("d" + s[0], "p" + s[1]))));
                  rows.stream()
                      .map(row -> row.text("dataset"))
                      .filter(d -> d != null)
                      .distinct()
                      .forEach(d -> r.select(lineage, Map.of("dataset", iri(d))));
                  return rows.size();
                });
          };
      IntConsumer graphqlDomainPage =
          i -> graphql(http, base, DOMAIN_PAGE, Map.of("d", "d" + (i % DOMAINS)));
      Query domainPage = SparqlQueries.load(GraphQLBenchmark.class, "/bench/domain-page.rq");
      IntConsumer sparqlDomainPage =
          i -> store.select(domainPage, Map.of("domain", iri(IRIS.domain("d" + (i % DOMAINS)))));
      // The GraphQL request and its direct SPARQL read alternate, so that both see the same
      // machine load; on a shared machine the ratio of the pair is what compares.
      IntConsumer restProduct =
          i -> {
            int[] s = sampled.get(i % SAMPLED);
            get(http, base + "/api/v1/products/d" + s[0] + "/p" + s[1]);
          };
      IntConsumer consumerProductPage =
          i -> {
            int[] s = sampled.get(i % SAMPLED);
            graphql(http, base, consumer, PRODUCT_PAGE, Map.of("d", "d" + s[0], "n", "p" + s[1]));
          };
      IntConsumer consumerDomainPage =
          i -> graphql(http, base, consumer, DOMAIN_PAGE, Map.of("d", "d" + (i % DOMAINS)));
      // Warm every path up before any group is measured: on a busy machine the JIT compiles the
      // request path late, and a group measured first would otherwise pay for it (measured: the
      // same product page 2.6-3.5x slower in the first group than in the third). The SPARQL domain
      // page, which sorts a whole domain (~0.1 s at 100k products), has its group's warm-up only.
      List<IntConsumer> all =
          List.of(
              trivial,
              productName,
              restProduct,
              graphqlProductPage,
              sparqlProductPage,
              graphqlDomainPage,
              consumerProductPage,
              consumerDomainPage);
      warmUp(all, Math.max(samples, WARM_UP));
      Map<List<String>, List<IntConsumer>> groups = new LinkedHashMap<>();
      groups.put(
          List.of("GraphQL { __typename }", "GraphQL product name", "REST product"),
          List.of(trivial, productName, restProduct));
      groups.put(
          List.of("GraphQL product page", "SPARQL product page"),
          List.of(graphqlProductPage, sparqlProductPage));
      groups.put(
          List.of("GraphQL domain page", "SPARQL domain page"),
          List.of(graphqlDomainPage, sparqlDomainPage));
      // What policies add: the same pages as the consumer, under its policy scope.
      groups.put(
          List.of("product page, admin", "product page, consumer"),
          List.of(graphqlProductPage, consumerProductPage));
      groups.put(
          List.of("domain page, admin", "domain page, consumer"),
          List.of(graphqlDomainPage, consumerDomainPage));
      groups.forEach((names, works) -> measure(plan, samples, names, works));
    }
  }

  /**
   * Runs every request kind at least {@code minimum} times, then in rounds of {@link
   * #WARM_UP_ROUND} until a round spends at most {@link #JIT_SETTLED} of its time compiling (at
   * most {@link #WARM_UP_ROUNDS} rounds). On 2 cores the JIT compiles the request path for tens of
   * thousands of requests; a compilation running next to a request made the p99 of every row 3-5x
   * its settled value (measured from a client in another JVM: product page p99 11.4, 6.9, 3.9, 3.9,
   * 1.4 ms in successive rounds of 5,000).
   */
  private static void warmUp(List<IntConsumer> all, int minimum) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long started = System.nanoTime();
    int done = 0;
    double compiling = 1;
    for (int round = 0; round < WARM_UP_ROUNDS && compiling > JIT_SETTLED; round++) {
      int count = round == 0 ? minimum : WARM_UP_ROUND;
      long compiled = jit.getTotalCompilationTime();
      long roundStart = System.nanoTime();
      for (int i = done; i < done + count; i++) {
        for (IntConsumer work : all) {
          work.accept(i);
        }
      }
      done += count;
      long elapsedMs = (System.nanoTime() - roundStart) / 1_000_000;
      compiling = (jit.getTotalCompilationTime() - compiled) / (double) Math.max(1, elapsedMs);
      System.out.printf(
          Locale.ROOT,
          "warm-up: %d of each request, %.1f %% of the last round compiling%n",
          done,
          100 * compiling);
    }
    System.out.printf(
        "warmed up with %d of each request in %d s%n",
        done, (System.nanoTime() - started) / 1_000_000_000);
  }

  private static Node iri(String iri) {
    return NodeFactory.createURI(iri);
  }

  private static void load(GraphStore store, int n, Random random) {
    DomainRepository domains = new DomainRepository(store, IRIS);
    ProductRepository products = new ProductRepository(store, IRIS);
    store.write(
        w -> {
          for (int d = 0; d < DOMAINS; d++) {
            domains.put(w, new Domain("d" + d, "Domain " + d, null, "mailto:d@x.example", null, 1));
          }
        });
    List<Product> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(product(i, n, random));
      if (batch.size() == 500 || i == n - 1) {
        List<Product> write = List.copyOf(batch);
        store.write(w -> write.forEach(p -> products.put(w, p)));
        batch.clear();
      }
    }
    PolicyRepository policies = new PolicyRepository(store, IRIS);
    store.write(
        w -> BenchPolicies.policies(new Random(7), DOMAINS).forEach(p -> policies.put(w, p)));
  }

  private static Product product(int i, int n, Random random) {
    String domain = "d" + (i % DOMAINS);
    List<Port> outputs = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      List<FieldDef> fields = new ArrayList<>();
      for (int f = 0; f < 8; f++) {
        fields.add(
            new FieldDef(
                "col_" + f + "_" + random.nextInt(1000), "string", f == 0, null, List.of()));
      }
      outputs.add(new Port("port-" + p, PortType.TABLE, null, dataset(i, p), null, fields, null));
    }
    Port input =
        new Port("in", PortType.TABLE, null, dataset((i + 1) % n, 0), null, List.of(), null);
    return new Product(
        domain,
        "p" + i,
        "Product " + i,
        "Synthetic product " + i,
        null,
        "mailto:team-" + (i % 50) + "@x.example",
        Lifecycle.CONSUME,
        List.of(BenchPolicies.CLASSES.get(i % BenchPolicies.CLASSES.size())),
        List.of("bench"),
        outputs,
        List.of(input),
        List.of(),
        null,
        "tessera/v1",
        1,
        null);
  }

  private static DatasetRef dataset(int product, int port) {
    return new DatasetRef("postgres://db:5432", "bench.public.t" + product + "_" + port);
  }

  /** A completed run of a job that reads the next product's table and writes this one's. */
  private static String event(int p, int n) {
    return """
        {"eventType":"COMPLETE","eventTime":"2026-11-21T10:00:00Z","producer":"https://bench.example",
         "run":{"runId":"%s"},"job":{"namespace":"bench","name":"load_%d"},
         "inputs":[{"namespace":"postgres://db:5432","name":"bench.public.t%d_0"}],
         "outputs":[{"namespace":"postgres://db:5432","name":"bench.public.t%d_0"}]}"""
        .formatted(new java.util.UUID(0x0193_0000_0000_7000L, p).toString(), p, (p + 1) % n, p);
  }

  private static void awaitLineage(HttpClient http, String base, int[] last)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      JsonNode page =
          graphql(http, base, PRODUCT_PAGE, Map.of("d", "d" + last[0], "n", "p" + last[1]));
      if (page.path("data").path("product").path("state").asText().equals("PHYSICAL")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("lineage was not projected");
  }

  private static JsonNode graphql(
      HttpClient http, String base, String query, Map<String, Object> variables) {
    return graphql(http, base, ADMIN_TOKEN, query, variables);
  }

  private static JsonNode graphql(
      HttpClient http, String base, String token, String query, Map<String, Object> variables) {
    try {
      String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
      JsonNode result = JSON.readTree(post(http, base + "/graphql", token, body));
      if (result.has("errors")) {
        throw new IllegalStateException(result.toString());
      }
      return result;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String get(HttpClient http, String url) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + ADMIN_TOKEN)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String post(HttpClient http, String url, String body) {
    return post(http, url, ADMIN_TOKEN, body);
  }

  private static String post(HttpClient http, String url, String token, String body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            url + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Runs the works in turn, {@code count} times each after a warm-up of half as many. */
  /**
   * Which groups to run (those whose first row's name contains {@code only}) and how the rows of a
   * group take turns: request by request ({@code block} 1), or in blocks of that many requests, so
   * that each row also runs back to back, as a tool calling it repeatedly would.
   */
  private record Plan(String only, int block) {}

  private static void measure(Plan plan, int count, List<String> names, List<IntConsumer> works) {
    if (!names.getFirst().contains(plan.only())) {
      return;
    }
    for (int i = 0; i < count / 2; i++) {
      for (IntConsumer work : works) {
        work.accept(i); // warm-up
      }
    }
    long[][] samples = new long[works.size()][count];
    // -Dbench.slowMs=N prints every sample slower than N ms with the JVM uptime, to line the tail
    // up with -Xlog output (GC, compilation), whose lines carry the same uptime
    double slowMs = Double.parseDouble(System.getProperty("bench.slowMs", "Infinity"));
    RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    for (int start = 0; start < count; start += plan.block()) {
      int end = Math.min(count, start + plan.block());
      for (int w = 0; w < works.size(); w++) {
        for (int i = start; i < end; i++) {
          long t = System.nanoTime();
          works.get(w).accept(i);
          samples[w][i] = System.nanoTime() - t;
          if (samples[w][i] / 1e6 > slowMs) {
            System.out.printf(
                Locale.ROOT,
                "slow: %s %.2f ms, ended at uptime %.3f s%n",
                names.get(w),
                samples[w][i] / 1e6,
                runtime.getUptime() / 1e3);
          }
        }
      }
    }
    double first = 0;
    for (int w = 0; w < works.size(); w++) {
      long[] sorted = samples[w];
      Arrays.sort(sorted);
      double p50 = sorted[count / 2] / 1e6;
      if (w == 0) {
        first = p50;
      }
      System.out.printf(
          "%-22s n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%s%n",
          names.get(w),
          count,
          p50,
          sorted[(int) (count * 0.9)] / 1e6,
          sorted[(int) (count * 0.99)] / 1e6,
          sorted[count - 1] / 1e6,
          w == 0 ? "" : String.format(" (first/this at p50: %.1fx)", first / p50));
    }
  }
}
