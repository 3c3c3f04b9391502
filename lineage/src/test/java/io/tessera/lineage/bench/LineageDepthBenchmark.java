package io.tessera.lineage.bench;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.lineage.Direction;
import io.tessera.lineage.EventParser;
import io.tessera.lineage.JournalEntry;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.LineageProjector;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Lineage traversal latency on a large synthetic lineage graph, in process (no HTTP).
 *
 * <p>Builds an on-disk TDB2 store through the production projection ({@link
 * LineageProjector#project(List)}, a batch per write transaction with its SHACL validation) from
 * generated OpenLineage COMPLETE events validated by {@link EventParser}: {@code jobs} jobs
 * arranged in chains of {@code chain} jobs; each job reads the previous job's output (a chain head
 * reads a source dataset) plus one side input, which is a fresh source dataset or, with probability
 * {@code hubFraction}, one of {@code hubs} widely read hub datasets; each job writes one new
 * dataset with a schema. Then it reopens the store and times {@link LineageQueries#lineage(NodeId,
 * int, Direction)} from random datasets and from hubs, for each depth and direction.
 *
 * <p>Not a test: run it with {@code bench/lineage_depth.sh}. Flags: {@code --jobs 55000 --chain 100
 * --hubs 50 --hub-fraction 0.1 --batch 1000 --samples 200 --hub-samples 20 --depths 1,5,20
 * --directions UPSTREAM,BOTH --seed 42 --row-budget 15 --reruns 6000 --warmup 200 --dir PATH
 * --reuse --compact --out PATH}. A row (start set, direction, depth) stops sampling after {@code
 * row-budget} seconds.
 */
public final class LineageDepthBenchmark {
  private static final IriMinter IRIS = new IriMinter("https://tessera.local");
  private static final String JOB_NS = "airflow-prod";
  private static final String[] NAMESPACES = {
    "postgres://warehouse.prod.internal:5432",
    "snowflake://acme-eu.snowflakecomputing.com",
    "s3://acme-datalake-prod",
    "bigquery"
  };
  private static final String[][] COLUMNS = {
    {"id", "BIGINT"}, {"customer_id", "BIGINT"}, {"amount", "DECIMAL(18,2)"},
    {"currency", "VARCHAR(3)"}, {"status", "VARCHAR(32)"}, {"created_at", "TIMESTAMP"}
  };

  private final Map<String, String> opts;
  private final JsonMapper json = JsonMapper.builder().build();
  private final EventParser parser = new EventParser();

  private LineageDepthBenchmark(Map<String, String> opts) {
    this.opts = opts;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    opts.put("jobs", "55000");
    opts.put("chain", "100");
    opts.put("hubs", "50");
    opts.put("hub-fraction", "0.1");
    opts.put("batch", "1000");
    opts.put("samples", "200");
    opts.put("hub-samples", "20");
    opts.put("warmup", "200");
    opts.put("depths", "1,5,20");
    opts.put("directions", "UPSTREAM,BOTH");
    opts.put("seed", "42");
    opts.put("dir", "");
    opts.put("reuse", "false");
    opts.put("compact", "false");
    opts.put("row-budget", "15");
    opts.put("reruns", "6000");
    opts.put("out", "bench/results/lineage-depth.json");
    for (int i = 0; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      if (!opts.containsKey(key)) {
        throw new IllegalArgumentException("unknown flag " + args[i] + "; flags: " + opts.keySet());
      }
      if (key.equals("reuse") || key.equals("compact")) {
        opts.put(key, "true");
      } else {
        opts.put(key, args[++i]);
      }
    }
    new LineageDepthBenchmark(opts).run();
  }

  private int intOpt(String key) {
    return Integer.parseInt(opts.get(key));
  }

  /** The generated topology: for each job, its inputs and output, as dataset indexes. */
  private record Topology(List<String[]> datasets, int[][] jobInputs, int[] jobOutput, int hubs) {}

  private Topology topology() {
    int jobs = intOpt("jobs");
    int chain = intOpt("chain");
    int hubs = intOpt("hubs");
    double hubFraction = Double.parseDouble(opts.get("hub-fraction"));
    Random rnd = new Random(Long.parseLong(opts.get("seed")));
    List<String[]> datasets = new ArrayList<>();
    for (int h = 0; h < hubs; h++) {
      datasets.add(new String[] {NAMESPACES[0], "core.public.dim_hub_%03d".formatted(h)});
    }
    int[][] inputs = new int[jobs][];
    int[] output = new int[jobs];
    int previous = -1;
    for (int j = 0; j < jobs; j++) {
      int c = j / chain;
      int step = j % chain;
      String ns = NAMESPACES[c % NAMESPACES.length];
      int main;
      if (step == 0) {
        main = datasets.size();
        datasets.add(new String[] {ns, "raw.src_%05d.head".formatted(c)});
      } else {
        main = previous;
      }
      int side;
      if (rnd.nextDouble() < hubFraction && hubs > 0) {
        // skewed: low-numbered hubs are read far more often
        side = (int) Math.min(hubs - 1, Math.floor(hubs * Math.pow(rnd.nextDouble(), 2)));
      } else {
        side = datasets.size();
        datasets.add(new String[] {ns, "raw.side_%05d_%03d".formatted(c, step)});
      }
      int out = datasets.size();
      datasets.add(new String[] {ns, "mart.chain_%05d.step_%03d".formatted(c, step)});
      inputs[j] = new int[] {main, side};
      output[j] = out;
      previous = out;
    }
    return new Topology(datasets, inputs, output, hubs);
  }

  private ObjectNode event(Topology t, int j, Random rnd, OffsetDateTime time) {
    ObjectNode e = json.createObjectNode();
    e.put("eventType", "COMPLETE");
    e.put("eventTime", time.toString());
    e.put("producer", "https://github.com/apache/airflow/tree/providers-openlineage/1.14.0");
    e.put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
    ObjectNode run = e.putObject("run");
    run.put(
        "runId", new UUID((rnd.nextLong() & ~0xF000L) | 0x4000L, rnd.nextLong() >>> 2).toString());
    ObjectNode job = e.putObject("job");
    int chain = intOpt("chain");
    job.put("namespace", JOB_NS);
    job.put("name", "chain_%05d.step_%03d".formatted(j / chain, j % chain));
    job.putObject("facets")
        .putObject("documentation")
        .put("_producer", "bench")
        .put("_schemaURL", "https://openlineage.io/spec/facets/1-0-1/DocumentationJobFacet.json")
        .put("description", "Synthetic step " + j);
    ArrayNode inputs = e.putArray("inputs");
    for (int in : t.jobInputs()[j]) {
      String[] d = t.datasets().get(in);
      inputs.addObject().put("namespace", d[0]).put("name", d[1]);
    }
    String[] d = t.datasets().get(t.jobOutput()[j]);
    ObjectNode out = e.putArray("outputs").addObject().put("namespace", d[0]).put("name", d[1]);
    ArrayNode fields =
        out.putObject("facets")
            .putObject("schema")
            .put("_producer", "bench")
            .put("_schemaURL", "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json")
            .putArray("fields");
    for (String[] column : COLUMNS) {
      fields.addObject().put("name", column[0]).put("type", column[1]);
    }
    return e;
  }

  private GraphStore open(Path dir) {
    return new TdbGraphStore(
        new GraphStoreConfig(dir, Duration.ofSeconds(60), IRIS.vocabularyGraph()),
        new TesseraOntology());
  }

  private void run() throws IOException {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tool", "LineageDepthBenchmark (bench/lineage_depth.sh)");
    result.put("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
    result.put(
        "machine",
        Map.of(
            "cpus",
            Runtime.getRuntime().availableProcessors(),
            "java",
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            "os",
            System.getProperty("os.name") + " " + System.getProperty("os.version"),
            "maxHeapMiB",
            Runtime.getRuntime().maxMemory() >> 20));
    result.put("config", new LinkedHashMap<>(opts));
    Topology t = topology();
    int jobs = t.jobOutput().length;
    result.put("datasets", t.datasets().size());
    result.put("jobs", jobs);
    System.out.printf(
        Locale.ROOT,
        "topology: %,d datasets, %,d jobs (chains of %s, %d hubs, %.0f%% of side inputs from hubs)%n",
        t.datasets().size(),
        jobs,
        opts.get("chain"),
        t.hubs(),
        100 * Double.parseDouble(opts.get("hub-fraction")));

    boolean temp = opts.get("dir").isEmpty();
    Path dir =
        temp ? Files.createTempDirectory("tessera-lineage-depth-") : Path.of(opts.get("dir"));
    boolean reuse =
        Boolean.parseBoolean(opts.get("reuse")) && Files.exists(dir.resolve("Data-0001"));
    try {
      if (reuse) {
        System.out.println("reusing the store in " + dir);
        result.put("build", Map.of("reused", true));
      } else {
        result.put("build", build(t, dir));
      }
      if (Boolean.parseBoolean(opts.get("compact"))) {
        result.put("diskBeforeCompactionMiB", Math.round(du(dir) / 1048576.0 * 10) / 10.0);
        long c0 = System.nanoTime();
        var dsg = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(dir.toString());
        org.apache.jena.tdb2.DatabaseMgr.compact(dsg, true);
        org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        System.out.printf(Locale.ROOT, "compacted in %.1f s%n", (System.nanoTime() - c0) / 1e9);
      }
      if (intOpt("reruns") > 0) {
        result.put("reruns", reruns(t, dir));
      }
      long bytes = size(dir);
      long used = du(dir);
      result.put("diskMiB", Math.round(bytes / 1048576.0 * 10) / 10.0);
      result.put("diskUsedMiB", Math.round(used / 1048576.0 * 10) / 10.0);
      System.out.printf(
          Locale.ROOT,
          "on disk: %.1f MiB apparent, %.1f MiB allocated (du) in %s%n",
          bytes / 1048576.0,
          used / 1048576.0,
          dir);
      result.put("queries", measure(t, dir));
    } finally {
      if (temp) {
        delete(dir);
      }
    }
    Path out = Path.of(opts.get("out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    System.out.println("wrote " + out);
  }

  private Map<String, Object> build(Topology t, Path dir) {
    int jobs = t.jobOutput().length;
    int batchSize = intOpt("batch");
    Random rnd = new Random(Long.parseLong(opts.get("seed")) + 1);
    OffsetDateTime time = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    long t0 = System.nanoTime();
    GraphStore store = open(dir);
    try {
      LineageProjector projector =
          new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
      long position = 0;
      long parseNanos = 0;
      long projectNanos = 0;
      long lastReport = System.nanoTime();
      for (int from = 0; from < jobs; from += batchSize) {
        long p0 = System.nanoTime();
        List<JournalEntry> batch = new ArrayList<>();
        for (int j = from; j < Math.min(jobs, from + batchSize); j++) {
          time = time.plusSeconds(1);
          batch.add(new JournalEntry(++position, parser.parse(event(t, j, rnd, time))));
        }
        long p1 = System.nanoTime();
        projector.project(batch);
        long p2 = System.nanoTime();
        parseNanos += p1 - p0;
        projectNanos += p2 - p1;
        if (p2 - lastReport > 10_000_000_000L || from + batchSize >= jobs) {
          lastReport = p2;
          System.out.printf(
              Locale.ROOT,
              "  projected %,d / %,d events, %.0f events/s overall, last batch %.0f ms%n",
              position,
              jobs,
              position / ((p2 - t0) / 1e9),
              (p2 - p1) / 1e6);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "built in %.1f s (%.0f events/s; generate+parse %.1f s, project %.1f s)%n",
          seconds,
          jobs / seconds,
          parseNanos / 1e9,
          projectNanos / 1e9);
      Map<String, Object> build = new LinkedHashMap<>();
      build.put("events", jobs);
      build.put("seconds", round(seconds));
      build.put("eventsPerSecond", round(jobs / seconds));
      build.put("generateAndParseSeconds", round(parseNanos / 1e9));
      build.put("projectSeconds", round(projectNanos / 1e9));
      return build;
    } finally {
      store.close();
    }
  }

  /**
   * Steady-state projection: re-runs of existing jobs (new run ids, same inputs and outputs, as a
   * scheduler produces them), projected in batches as the server does.
   */
  /**
   * Walks from other random datasets, in every measured direction and depth, in rounds of {@code
   * warmup} starts until a round spends at most 1 % of its time compiling (at most 30 rounds): on 2
   * cores the JIT compiles the walk for thousands of walks, and a compilation next to a walk made
   * the first rows' p99 2-3x their settled value. The measured starts are not walked, so their
   * nodes are not cached by the warm-up.
   */
  private void warmUp(LineageQueries queries, Topology t, Random rnd) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long started = System.nanoTime();
    double compiling = 1;
    int rounds = 0;
    while (rounds < 30 && compiling > 0.01) {
      long compiled = jit.getTotalCompilationTime();
      long roundStart = System.nanoTime();
      for (int i = 0; i < intOpt("warmup"); i++) {
        String[] d = t.datasets().get(t.hubs() + rnd.nextInt(t.datasets().size() - t.hubs()));
        NodeId start = NodeId.dataset(d[0], d[1]);
        for (String direction : opts.get("directions").split(",")) {
          for (String depth : opts.get("depths").split(",")) {
            queries.lineage(
                start,
                Integer.parseInt(depth.trim()),
                Direction.valueOf(direction.trim().toUpperCase(Locale.ROOT)));
          }
        }
      }
      long elapsedMs = Math.max(1, (System.nanoTime() - roundStart) / 1_000_000);
      compiling = (jit.getTotalCompilationTime() - compiled) / (double) elapsedMs;
      rounds++;
    }
    System.out.printf(
        Locale.ROOT,
        "warmed up with %d rounds of %s walks in %.1f s (last round %.1f %% compiling)%n",
        rounds,
        opts.get("warmup"),
        (System.nanoTime() - started) / 1e9,
        100 * compiling);
  }

  private Map<String, Object> reruns(Topology t, Path dir) {
    int total = intOpt("reruns");
    int batchSize = intOpt("batch");
    Random rnd = new Random(Long.parseLong(opts.get("seed")) + 3);
    OffsetDateTime time = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    int jobs = t.jobOutput().length;
    GraphStore store = open(dir);
    try {
      LineageProjector projector =
          new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
      long position = projector.position();
      long nanos = 0;
      long events = 0;
      System.out.printf(Locale.ROOT, "re-running %,d existing jobs ...%n", total);
      for (int b = 0; b * batchSize < total; b++) {
        List<JournalEntry> batch = new ArrayList<>();
        for (int i = b * batchSize; i < Math.min(total, (b + 1) * batchSize); i++) {
          time = time.plusSeconds(1);
          batch.add(
              new JournalEntry(++position, parser.parse(event(t, rnd.nextInt(jobs), rnd, time))));
        }
        long s = System.nanoTime();
        projector.project(batch);
        nanos += System.nanoTime() - s;
        events += batch.size();
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("events", events);
      out.put("seconds", round(nanos / 1e9));
      out.put("eventsPerSecond", round(events / (nanos / 1e9)));
      System.out.printf(
          Locale.ROOT,
          "  %,d events in %.1f s = %.0f events/s%n",
          events,
          nanos / 1e9,
          events / (nanos / 1e9));
      return out;
    } finally {
      store.close();
    }
  }

  private List<Map<String, Object>> measure(Topology t, Path dir) {
    List<Map<String, Object>> rows = new ArrayList<>();
    long t0 = System.nanoTime();
    GraphStore store = open(dir);
    System.out.printf(Locale.ROOT, "store reopened in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    try {
      LineageQueries queries = new LineageQueries(store, IRIS);
      Random rnd = new Random(Long.parseLong(opts.get("seed")) + 2);
      List<NodeId> random = new ArrayList<>();
      for (int i = 0; i < intOpt("samples"); i++) {
        String[] d = t.datasets().get(t.hubs() + rnd.nextInt(t.datasets().size() - t.hubs()));
        random.add(NodeId.dataset(d[0], d[1]));
      }
      List<NodeId> hubs = new ArrayList<>();
      for (int i = 0; i < Math.min(intOpt("hub-samples"), t.hubs()); i++) {
        String[] d = t.datasets().get(i);
        hubs.add(NodeId.dataset(d[0], d[1]));
      }
      // the server resolves the node id first: time that on its own
      long[] resolve = new long[random.size()];
      for (int i = 0; i < random.size(); i++) {
        long s = System.nanoTime();
        if (queries.resolve(random.get(i).value()).isEmpty()) {
          throw new IllegalStateException("not in the graph: " + random.get(i).value());
        }
        resolve[i] = System.nanoTime() - s;
      }
      Map<String, Object> r = summary(resolve, null);
      r.put("query", "resolve(nodeId)");
      r.put("start", "random dataset");
      rows.add(r);
      warmUp(queries, t, rnd);
      List<String> impls = List.of("shipped");
      // the walk's own CPU time, which other processes on a shared machine disturb far less than
      // the elapsed time
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      System.out.printf(
          Locale.ROOT,
          "%n| impl | start | direction | depth | samples | p50 ms | p99 ms | max ms | CPU p50 ms |"
              + " CPU p99 ms | mean nodes | max nodes |%n|---|---|---|---|---|---|---|---|---|---|---|---|%n");
      for (String impl : impls) {
        for (String directionName : opts.get("directions").split(",")) {
          Direction direction = Direction.valueOf(directionName.trim().toUpperCase(Locale.ROOT));
          for (String depthText : opts.get("depths").split(",")) {
            int depth = Integer.parseInt(depthText.trim());
            for (Map.Entry<String, List<NodeId>> set :
                Map.of("random dataset", random, "hub dataset", hubs).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
                    .toList()) {
              List<NodeId> starts = set.getValue();
              if (starts.isEmpty()) {
                continue;
              }
              long[] nanos = new long[starts.size()];
              long[] cpu = new long[starts.size()];
              long[] nodes = new long[starts.size()];
              long budget =
                  System.nanoTime() + (long) (Double.parseDouble(opts.get("row-budget")) * 1e9);
              int done = 0;
              while (done < starts.size() && System.nanoTime() < budget) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                LineageGraph g = queries.lineage(starts.get(done), depth, direction);
                nanos[done] = System.nanoTime() - s;
                cpu[done] = threads.getCurrentThreadCpuTime() - c;
                nodes[done] = g.graph().size();
                done++;
              }
              Map<String, Object> row =
                  summary(Arrays.copyOf(nanos, done), Arrays.copyOf(nodes, done));
              long[] cpuSorted = Arrays.copyOf(cpu, done);
              Arrays.sort(cpuSorted);
              row.put("cpuP50Ms", round(percentile(cpuSorted, 50) / 1e6));
              row.put("cpuP99Ms", round(percentile(cpuSorted, 99) / 1e6));
              row.put("planned", starts.size());
              row.put("query", "lineage");
              row.put("impl", impl);
              row.put("start", set.getKey());
              row.put("direction", direction.name());
              row.put("depth", depth);
              rows.add(row);
              System.out.printf(
                  Locale.ROOT,
                  "| %s | %s | %s | %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %d |%n",
                  impl,
                  set.getKey(),
                  direction,
                  depth,
                  done == starts.size()
                      ? Integer.toString(done)
                      : done + " of " + starts.size() + "*",
                  row.get("p50Ms"),
                  row.get("p99Ms"),
                  row.get("maxMs"),
                  row.get("cpuP50Ms"),
                  row.get("cpuP99Ms"),
                  row.get("meanNodes"),
                  row.get("maxNodes"));
            }
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "(* = stopped at the per-row time budget of %s s)%nresolve(nodeId): p50 %.2f ms, p99 %.2f"
              + " ms%n",
          opts.get("row-budget"),
          rows.getFirst().get("p50Ms"),
          rows.getFirst().get("p99Ms"));
    } finally {
      store.close();
    }
    return rows;
  }

  private static Map<String, Object> summary(long[] nanos, long[] nodes) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("samples", sorted.length);
    row.put("p50Ms", round(percentile(sorted, 50) / 1e6));
    row.put("p99Ms", round(percentile(sorted, 99) / 1e6));
    row.put("maxMs", round(sorted[sorted.length - 1] / 1e6));
    row.put("meanMs", round(Arrays.stream(sorted).average().orElse(0) / 1e6));
    if (nodes != null) {
      row.put("meanNodes", round(Arrays.stream(nodes).average().orElse(0)));
      row.put("maxNodes", Arrays.stream(nodes).max().orElse(0));
    }
    return row;
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  /** Allocated bytes as du reports them (TDB2 files are sparse), or -1 without du. */
  private static long du(Path dir) {
    try {
      Process p = new ProcessBuilder("du", "-sk", dir.toString()).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 ? Long.parseLong(out.split("\\s+")[0]) * 1024 : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
