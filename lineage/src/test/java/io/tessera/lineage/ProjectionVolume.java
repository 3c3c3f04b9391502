package io.tessera.lineage;

import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphStoreConfig;
import io.tessera.graphstore.ProductRepository;
import io.tessera.graphstore.TdbGraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TesseraOntology;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * A measuring tool, not a test: what the projection writes per event, and what it costs.
 *
 * <pre>
 * ProjectionVolume quads EVENTS.ndjson LIMIT [WARM]     quads added/removed per event kind and
 *                                                       graph/predicate, one event per transaction,
 *                                                       after projecting WARM events in batches of 500
 * ProjectionVolume disk EVENTS.ndjson LIMIT BATCH DIR   projects LIMIT events in transactions of
 *                                                       BATCH into a TDB2 store in DIR (empty):
 *                                                       allocated bytes per event, CPU per event
 * </pre>
 *
 * See docs/benchmarks.md ("Graph written per event") for how it is run and what it measured.
 */
public final class ProjectionVolume {
  private static final IriMinter IRIS = new IriMinter("https://catalog.example");

  private ProjectionVolume() {}

  public static void main(String[] args) throws Exception {
    EventParser parser = new EventParser();
    int limit = Integer.parseInt(args[2]);
    List<LineageEvent> events = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      if (events.size() == limit) {
        break;
      }
      if (!line.isBlank()) {
        try {
          events.add(parser.parse(line.getBytes(StandardCharsets.UTF_8)));
        } catch (InvalidEventException e) {
          // the server answers 400 and journals nothing
        }
      }
    }
    if (args[0].equals("quads")) {
      quads(events, args.length > 3 ? Integer.parseInt(args[3]) : 0);
    } else {
      disk(events, Integer.parseInt(args[3]), Path.of(args[4]));
    }
  }

  private static void quads(List<LineageEvent> events, int warm) {
    GraphStore store =
        new TdbGraphStore(GraphStoreConfig.inMemory(IRIS.vocabularyGraph()), new TesseraOntology());
    LineageProjector projector =
        new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
    long position = 0;
    for (int i = 0; i < warm; i += 500) {
      List<JournalEntry> batch = new ArrayList<>();
      for (int j = i; j < Math.min(warm, i + 500); j++) {
        batch.add(new JournalEntry(++position, events.get(j)));
      }
      projector.project(batch);
    }
    Map<String, long[]> byKind = new TreeMap<>();
    Map<String, long[]> byPredicate = new TreeMap<>();
    for (LineageEvent event : events.subList(warm, events.size())) {
      List<String> graphs = graphsOf(event);
      Set<Quad> before = read(store, graphs);
      projector.project(List.of(new JournalEntry(++position, event)));
      Set<Quad> after = read(store, graphs);
      String kind = kind(event);
      long[] counts = byKind.computeIfAbsent(kind, k -> new long[3]);
      counts[0]++;
      for (Quad q : after) {
        if (!before.contains(q)) {
          counts[1]++;
          byPredicate.computeIfAbsent(kind + " +" + where(q), k -> new long[1])[0]++;
        }
      }
      for (Quad q : before) {
        if (!after.contains(q)) {
          counts[2]++;
          byPredicate.computeIfAbsent(kind + " -" + where(q), k -> new long[1])[0]++;
        }
      }
    }
    byKind.forEach(
        (kind, c) ->
            System.out.printf(
                "%-24s events %5d  quads added %.1f  removed %.1f per event%n",
                kind, c[0], c[1] / (double) c[0], c[2] / (double) c[0]));
    byPredicate.forEach(
        (key, c) ->
            System.out.printf(
                "  %-60s %.2f%n", key, c[0] / (double) byKind.get(key.split(" [+-]")[0])[0]));
    store.close();
  }

  private static void disk(List<LineageEvent> events, int batchSize, Path dir) throws Exception {
    GraphStore store =
        new TdbGraphStore(
            new GraphStoreConfig(dir, Duration.ofSeconds(30), IRIS.vocabularyGraph()),
            new TesseraOntology());
    LineageProjector projector =
        new LineageProjector(store, new ProductRepository(store, IRIS), IRIS);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long allocated = allocated(dir);
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    long position = 0;
    for (int i = 0; i < events.size(); i += batchSize) {
      List<JournalEntry> batch = new ArrayList<>();
      for (int j = i; j < Math.min(events.size(), i + batchSize); j++) {
        batch.add(new JournalEntry(++position, events.get(j)));
      }
      projector.project(batch);
    }
    double cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
    double wallMillis = (System.nanoTime() - wall) / 1e6;
    store.close();
    System.out.printf(
        "events %d, transactions of %d: TDB2 +%.1f KB per event (allocated), projection CPU %.2f ms"
            + " per event (%.0f events/s per core), wall %.0f events/s%n",
        events.size(),
        batchSize,
        (allocated(dir) - allocated) / 1024.0 / events.size(),
        cpuMillis / events.size(),
        events.size() * 1000 / cpuMillis,
        events.size() * 1000 / wallMillis);
  }

  private static String where(Quad q) {
    String graph = q.getGraph().getURI();
    String kind =
        graph.contains("/run/")
            ? "run"
            : graph.contains("/lineage/job/")
                ? "job"
                : graph.contains("/lineage/dataset/") ? "dataset" : "state";
    return kind + " " + q.getPredicate().getLocalName();
  }

  private static String kind(LineageEvent event) {
    return event instanceof LineageEvent.RunEvent r
        ? r.eventType() + " in" + r.inputs().size() + " out" + r.outputs().size()
        : event.getClass().getSimpleName();
  }

  /** The graphs an event can change: the state, its job's, its run's and its datasets'. */
  private static List<String> graphsOf(LineageEvent event) {
    List<String> graphs = new ArrayList<>(List.of(IRIS.lineageStateGraph()));
    if (event instanceof LineageEvent.RunEvent r) {
      graphs.add(IRIS.jobGraph(r.job().namespace(), r.job().name()));
      graphs.add(IRIS.runGraph(r.job().namespace(), r.job().name(), r.runId()));
      for (LineageEvent.Dataset d : r.inputs()) {
        graphs.add(IRIS.datasetGraph(d.namespace(), d.name()));
      }
      for (LineageEvent.Dataset d : r.outputs()) {
        graphs.add(IRIS.datasetGraph(d.namespace(), d.name()));
      }
    } else if (event instanceof LineageEvent.DatasetEvent d) {
      graphs.add(IRIS.datasetGraph(d.dataset().namespace(), d.dataset().name()));
    }
    return graphs;
  }

  private static Set<Quad> read(GraphStore store, List<String> graphs) {
    return store.read(
        r -> {
          Set<Quad> quads = new HashSet<>();
          for (String graph : graphs) {
            Node g = NodeFactory.createURI(graph);
            r.graph(graph).find().forEach(t -> quads.add(new Quad(g, t)));
          }
          return quads;
        });
  }

  /** Allocated bytes under the directory (du), not the files' apparent (preallocated) sizes. */
  private static long allocated(Path dir) throws IOException, InterruptedException {
    Process du = new ProcessBuilder("du", "-sk", dir.toString()).start();
    String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    du.waitFor();
    return Long.parseLong(out.trim().split("\\s+")[0]) * 1024;
  }
}
