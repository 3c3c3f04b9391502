// SPARQL view benchmark: the same caller queries over the whole store and over scoped views, in
// process (no HTTP), against the production graph-store classes in the packaged jar.
//
// Run (single-file source launch, the packaged jar is the classpath):
//   ./mvnw -q -DskipTests package
//   $JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -cp catalog-server/target/catalog-server.jar \
//       bench/SparqlViewBench.java [--products 100000] [--rounds 20] [--dir /tmp/sparql-bench-store]
//
// With --dir, the store is kept there and loaded only when it is empty, so later runs skip the
// load (about 9 minutes for 100,000 products on a busy 2-core machine).
//
// It builds a TDB2 store on disk in a temporary directory with N product graphs (each: a product
// with a title, a description, a domain, two ports with a dataset each, a dependency on the previous
// product, about 14 triples) written through GraphStore.write in batches of 2,000 graphs, then runs
// each query R times per scope, the scopes taking turns round by round (after 3 warm-up rounds),
// and prints the median and 90th percentile in milliseconds:
//   everything      ReadScope.everything(): the admin's plain TDB2 route
//   except-100      all graphs except 100 products' (the usual shape of a policy scope)
//   except-10000    all graphs except 10,000 products'
//   only-half       only the graphs of half of the domains
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.SparqlResult;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.TesseraOntology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.graph.GraphFactory;

public class SparqlViewBench {
  static final String BASE = "https://bench.example";
  static final String EX = BASE + "/ns#";
  static final int DOMAINS = 50;
  static final String PREFIX =
      "PREFIX ex: <" + EX + ">\nPREFIX dct: <http://purl.org/dc/terms/>\n";

  public static void main(String[] args) throws Exception {
    int products = intArg(args, "--products", 100_000);
    int rounds = intArg(args, "--rounds", 20);
    String dirArg = stringArg(args, "--dir");
    Path dir =
        dirArg == null ? Files.createTempDirectory("tessera-sparql-bench") : Path.of(dirArg);
    Files.createDirectories(dir);
    try (GraphStore store =
        new TdbGraphStore(
            new GraphStoreConfig(dir, Duration.ofMinutes(5), BASE + "/graph/vocabulary"),
            new TesseraOntology())) {
      long t0 = System.nanoTime();
      for (int from = store.revision() > 1 ? products : 0; from < products; from += 2000) {
        int start = from;
        int end = Math.min(products, from + 2000);
        store.write(
            w -> {
              for (int i = start; i < end; i++) {
                w.replaceGraph(graph(i), product(i));
              }
            });
      }
      System.out.printf(
          "loaded %,d products in %.1f s%n", products, (System.nanoTime() - t0) / 1e9);

      Map<String, ReadScope> scopes = new LinkedHashMap<>();
      scopes.put("everything", ReadScope.everything());
      scopes.put("except-100", ReadScope.of(VisibilityScope.allGraphsExcept(every(products, 100))));
      scopes.put(
          "except-10000", ReadScope.of(VisibilityScope.allGraphsExcept(every(products, 10_000))));
      Set<String> half = new HashSet<>();
      for (int d = 0; d < DOMAINS; d += 2) {
        half.add(BASE + "/graph/product/d" + d);
      }
      scopes.put("only-half", ReadScope.of(VisibilityScope.onlyGraphs(half)));

      Map<String, String> queries = new LinkedHashMap<>();
      queries.put("point: title of one product", "SELECT ?t { ex:p777 dct:title ?t }");
      queries.put(
          "join: products of one domain with titles (2,000 rows)",
          "SELECT ?p ?t { ?p ex:domain ex:d7 ; dct:title ?t }");
      queries.put(
          "aggregate: products per domain (scan of 100k)",
          "SELECT ?d (COUNT(?p) AS ?n) { ?p ex:domain ?d } GROUP BY ?d");
      queries.put(
          "graph: count of quads per graph kind",
          "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?p ex:port ?port } }");
      queries.put(
          "path: upstream of one product (view route)",
          "SELECT ?x { ex:p777 ex:dependsOn+ ?x }");
      queries.put("describe: one product (view route)", "DESCRIBE ex:p777");

      System.out.printf("%-55s %-14s %10s %10s %8s%n", "query", "scope", "median ms", "p90 ms", "rows");
      for (var q : queries.entrySet()) {
        Query query = QueryFactory.create(PREFIX + q.getValue());
        Map<String, long[]> times = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        scopes.keySet().forEach(name -> times.put(name, new long[rounds]));
        for (int r = -3; r < rounds; r++) {
          for (var s : scopes.entrySet()) {
            long start = System.nanoTime();
            SparqlResult result = store.query(query, null, s.getValue(), 10_000_000);
            long elapsed = System.nanoTime() - start;
            rows.put(s.getKey(), size(result));
            if (r >= 0) {
              times.get(s.getKey())[r] = elapsed;
            }
          }
        }
        for (String name : scopes.keySet()) {
          long[] t = times.get(name);
          Arrays.sort(t);
          System.out.printf(
              "%-55s %-14s %10.2f %10.2f %8d%n",
              q.getKey(),
              name,
              t[rounds / 2] / 1e6,
              t[(int) Math.ceil(rounds * 0.9) - 1] / 1e6,
              rows.get(name));
        }
      }
    }
  }

  static long size(SparqlResult result) {
    return switch (result) {
      case SparqlResult.Solutions s -> s.rows().size();
      case SparqlResult.Triples t -> t.graph().size();
      case SparqlResult.Answer a -> 1;
    };
  }

  static Set<String> every(int products, int count) {
    Set<String> graphs = new HashSet<>();
    int step = Math.max(1, products / count);
    for (int i = 0; i < products && graphs.size() < count; i += step) {
      graphs.add(graph(i));
    }
    return graphs;
  }

  static String graph(int i) {
    return BASE + "/graph/product/d" + (i % DOMAINS) + "/p" + i;
  }

  static Graph product(int i) {
    Graph g = GraphFactory.createDefaultGraph();
    Node p = iri(EX + "p" + i);
    add(g, p, EX + "type", iri(EX + "Product"));
    add(g, p, "http://purl.org/dc/terms/title", NodeFactory.createLiteralString("Product " + i));
    add(
        g,
        p,
        "http://purl.org/dc/terms/description",
        NodeFactory.createLiteralString("Synthetic product number " + i + " for the benchmark"));
    add(g, p, EX + "domain", iri(EX + "d" + (i % DOMAINS)));
    if (i % 10 != 0) {
      add(g, p, EX + "dependsOn", iri(EX + "p" + (i - 1)));
    }
    for (int k = 0; k < 2; k++) {
      Node port = iri(EX + "p" + i + "/port" + k);
      Node dataset = iri(EX + "p" + i + "/dataset" + k);
      add(g, p, EX + "port", port);
      add(g, port, EX + "dataset", dataset);
      add(g, dataset, EX + "name", NodeFactory.createLiteralString("schema.table_" + i + "_" + k));
      add(g, dataset, EX + "namespace", NodeFactory.createLiteralString("postgres://db:5432"));
    }
    return g;
  }

  static Node iri(String iri) {
    return NodeFactory.createURI(iri);
  }

  static void add(Graph g, Node s, String p, Node o) {
    g.add(s, iri(p), o);
  }

  static String stringArg(String[] args, String name) {
    List<String> list = new ArrayList<>(List.of(args));
    int at = list.indexOf(name);
    return at >= 0 && at + 1 < list.size() ? list.get(at + 1) : null;
  }

  static int intArg(String[] args, String name, int fallback) {
    List<String> list = new ArrayList<>(List.of(args));
    int at = list.indexOf(name);
    return at >= 0 && at + 1 < list.size() ? Integer.parseInt(list.get(at + 1)) : fallback;
  }
}
