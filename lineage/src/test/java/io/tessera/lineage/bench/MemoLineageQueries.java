package io.tessera.lineage.bench;

import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.Direction;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A benchmark-only prototype of the change proposed for {@link LineageQueries#lineage}: the same
 * walk, but each node's kind and Marquez id are looked up once per query instead of once per edge
 * end (the shipped code spends about 70% of a deep walk recomputing them), and each neighbour list
 * is read once. With {@code edgesWithinResult} it also leaves out edges to nodes outside the
 * result, so a hub at the edge of the walk does not cost one id lookup per reader. Without that
 * flag the result is identical to {@link LineageQueries#lineage} (the benchmark checks it).
 */
final class MemoLineageQueries {
  private static final Node READS = TESS.reads.asNode();
  private static final Node WRITES = TESS.writes.asNode();

  private final GraphStore store;
  private final IriMinter iris;

  MemoLineageQueries(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
  }

  LineageGraph lineage(NodeId start, int depth, Direction direction, boolean edgesWithinResult) {
    int maxDepth = Math.max(0, Math.min(depth, LineageQueries.MAX_DEPTH));
    return store.read(
        r -> {
          Walk w = new Walk(r);
          Map<Node, Integer> seen = new LinkedHashMap<>();
          Map<Node, List<Node>> ups = new HashMap<>();
          Map<Node, List<Node>> downs = new HashMap<>();
          Deque<Node> queue = new ArrayDeque<>();
          Node first = iri(start);
          seen.put(first, 0);
          queue.add(first);
          while (!queue.isEmpty()) {
            Node node = queue.poll();
            int hops = seen.get(node);
            boolean isJob = w.isJob(node);
            List<Node> upstream = isJob ? objects(r, node, READS) : subjects(r, WRITES, node);
            List<Node> downstream = isJob ? objects(r, node, WRITES) : subjects(r, READS, node);
            ups.put(node, upstream);
            downs.put(node, downstream);
            if (hops >= maxDepth) {
              continue;
            }
            List<Node> next = new ArrayList<>();
            if (direction != Direction.DOWNSTREAM) {
              next.addAll(upstream);
            }
            if (direction != Direction.UPSTREAM) {
              next.addAll(downstream);
            }
            for (Node n : next) {
              if (seen.putIfAbsent(n, hops + 1) == null) {
                queue.add(n);
              }
            }
          }
          List<LineageGraph.Node> nodes = new ArrayList<>();
          for (Node node : seen.keySet()) {
            String id = w.id(node);
            List<LineageGraph.Edge> in = new ArrayList<>();
            for (Node u : ups.get(node)) {
              if (!edgesWithinResult || seen.containsKey(u)) {
                in.add(new LineageGraph.Edge(w.id(u), id));
              }
            }
            List<LineageGraph.Edge> out = new ArrayList<>();
            for (Node d : downs.get(node)) {
              if (!edgesWithinResult || seen.containsKey(d)) {
                out.add(new LineageGraph.Edge(id, w.id(d)));
              }
            }
            nodes.add(
                new LineageGraph.Node(
                    id,
                    w.isJob(node) ? "JOB" : "DATASET",
                    data(r, w, node),
                    List.copyOf(in),
                    List.copyOf(out)));
          }
          return new LineageGraph(nodes);
        });
  }

  /** Per-query memo of node kinds and ids. */
  private static final class Walk {
    private final GraphReader r;
    private final Map<Node, Boolean> jobs = new HashMap<>();
    private final Map<Node, String> ids = new HashMap<>();

    Walk(GraphReader r) {
      this.r = r;
    }

    boolean isJob(Node node) {
      Boolean job = jobs.get(node);
      if (job == null) {
        job = !r.find(node, RDF.type.asNode(), PROV.Plan.asNode()).isEmpty();
        jobs.put(node, job);
      }
      return job;
    }

    String id(Node node) {
      String id = ids.get(node);
      if (id == null) {
        id =
            (isJob(node) ? "job:" : "dataset:")
                + literal(r, node, TESS.olNamespace.asNode())
                + ":"
                + literal(r, node, TESS.olName.asNode());
        ids.put(node, id);
      }
      return id;
    }
  }

  private LineageGraph.Data data(GraphReader r, Walk w, Node node) {
    String namespace = literal(r, node, TESS.olNamespace.asNode());
    String name = literal(r, node, TESS.olName.asNode());
    String description = literal(r, node, DCTerms.description.asNode());
    if (w.isJob(node)) {
      return new LineageGraph.Data(
          new LineageGraph.Key(namespace, name),
          namespace,
          name,
          description,
          List.of(),
          latestRunState(r, node));
    }
    return new LineageGraph.Data(
        new LineageGraph.Key(namespace, name),
        namespace,
        name,
        description,
        columns(r, node),
        null);
  }

  private static List<LineageGraph.Column> columns(GraphReader r, Node dataset) {
    List<Node> schemas = objects(r, dataset, DCTerms.conformsTo.asNode());
    if (schemas.isEmpty()) {
      return List.of();
    }
    Map<Node, Integer> ordinals = new HashMap<>();
    return objects(r, schemas.getFirst(), TESS.field.asNode()).stream()
        .sorted(Comparator.comparingInt(f -> ordinals.computeIfAbsent(f, x -> ordinal(r, x))))
        .map(
            f ->
                new LineageGraph.Column(
                    literal(r, f, RDFS.label.asNode()), literal(r, f, TESS.dataType.asNode())))
        .toList();
  }

  private static String latestRunState(GraphReader r, Node job) {
    String latest = null;
    String state = null;
    for (Node run : subjects(r, TESS.job.asNode(), job)) {
      String modified = literal(r, run, DCTerms.modified.asNode());
      if (modified != null && (latest == null || modified.compareTo(latest) > 0)) {
        latest = modified;
        state = literal(r, run, TESS.runState.asNode());
      }
    }
    return state;
  }

  private static int ordinal(GraphReader r, Node field) {
    String value = literal(r, field, TESS.ordinal.asNode());
    return value == null ? Integer.MAX_VALUE : Integer.parseInt(value);
  }

  private static List<Node> objects(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream().map(Triple::getObject).distinct().toList();
  }

  private static List<Node> subjects(GraphReader r, Node predicate, Node object) {
    return r.find(null, predicate, object).stream().map(Triple::getSubject).distinct().toList();
  }

  private static String literal(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream()
        .map(Triple::getObject)
        .filter(Node::isLiteral)
        .map(Node::getLiteralLexicalForm)
        .findFirst()
        .orElse(null);
  }

  private Node iri(NodeId id) {
    return NodeFactory.createURI(
        id.kind() == NodeId.Kind.DATASET
            ? iris.dataset(id.namespace(), id.name())
            : iris.job(id.namespace(), id.name()));
  }
}
