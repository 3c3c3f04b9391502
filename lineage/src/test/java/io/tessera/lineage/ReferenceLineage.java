package io.tessera.lineage;

import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
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
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The lineage walk as it was written on {@link GraphReader#find} (decoded triples, a lookup per
 * property), kept to check that the walk on term ids ({@link LineageWalk}) answers the same.
 */
final class ReferenceLineage {
  private static final Node READS = TESS.reads.asNode();
  private static final Node WRITES = TESS.writes.asNode();

  private final GraphStore store;

  ReferenceLineage(GraphStore store) {
    this.store = store;
  }

  LineageGraph lineage(Node first, int depth, Direction direction, int maxNodes) {
    int maxDepth = Math.max(0, Math.min(depth, LineageQueries.MAX_DEPTH));
    int limit = Math.max(1, Math.min(maxNodes, LineageQueries.MAX_NODES));
    return store.read(
        reader -> {
          Map<Node, List<Triple>> described = new HashMap<>();
          Map<Node, Integer> seen = new LinkedHashMap<>();
          Map<Node, List<Node>> ups = new HashMap<>();
          Deque<Node> queue = new ArrayDeque<>();
          seen.put(first, 0);
          queue.add(first);
          boolean truncated = false;
          while (!queue.isEmpty()) {
            Node node = queue.poll();
            int hops = seen.get(node);
            List<Triple> d = describe(reader, described, node);
            boolean isJob = isJob(d);
            List<Node> upstream = isJob ? objects(d, READS) : subjects(reader, WRITES, node);
            ups.put(node, upstream);
            if (hops >= maxDepth) {
              continue;
            }
            List<Node> next = new ArrayList<>();
            if (direction != Direction.DOWNSTREAM) {
              next.addAll(upstream);
            }
            if (direction != Direction.UPSTREAM) {
              next.addAll(isJob ? objects(d, WRITES) : subjects(reader, READS, node));
            }
            for (Node n : next) {
              if (seen.containsKey(n)) {
                continue;
              }
              if (seen.size() >= limit) {
                truncated = true;
                break;
              }
              seen.put(n, hops + 1);
              queue.add(n);
            }
          }
          Map<Node, List<LineageGraph.Edge>> in = new HashMap<>();
          Map<Node, List<LineageGraph.Edge>> out = new HashMap<>();
          for (Node node : seen.keySet()) {
            for (Node u : ups.get(node)) {
              if (seen.containsKey(u)) {
                LineageGraph.Edge edge =
                    new LineageGraph.Edge(
                        id(describe(reader, described, u)), id(describe(reader, described, node)));
                in.computeIfAbsent(node, k -> new ArrayList<>()).add(edge);
                out.computeIfAbsent(u, k -> new ArrayList<>()).add(edge);
              }
            }
          }
          List<LineageGraph.Node> nodes = new ArrayList<>();
          for (Node node : seen.keySet()) {
            List<Triple> d = describe(reader, described, node);
            nodes.add(
                new LineageGraph.Node(
                    id(d),
                    isJob(d) ? "JOB" : "DATASET",
                    data(reader, node, d),
                    List.copyOf(in.getOrDefault(node, List.of())),
                    List.copyOf(out.getOrDefault(node, List.of()))));
          }
          return new LineageGraph(nodes, truncated);
        });
  }

  private static List<Triple> describe(GraphReader r, Map<Node, List<Triple>> cache, Node node) {
    return cache.computeIfAbsent(node, n -> r.find(n, null, null));
  }

  private static boolean isJob(List<Triple> d) {
    return d.stream()
        .anyMatch(
            t ->
                t.getPredicate().equals(RDF.type.asNode())
                    && t.getObject().equals(PROV.Plan.asNode()));
  }

  private static String id(List<Triple> d) {
    return (isJob(d) ? "job:" : "dataset:")
        + literal(d, TESS.olNamespace.asNode())
        + ":"
        + literal(d, TESS.olName.asNode());
  }

  private static LineageGraph.Data data(GraphReader r, Node node, List<Triple> d) {
    String ns = literal(d, TESS.olNamespace.asNode());
    String name = literal(d, TESS.olName.asNode());
    String description = literal(d, DCTerms.description.asNode());
    if (isJob(d)) {
      String latest = null;
      String state = null;
      for (Node run : subjects(r, TESS.job.asNode(), node)) {
        List<Triple> rd = r.find(run, null, null);
        String modified = literal(rd, DCTerms.modified.asNode());
        if (modified != null && (latest == null || modified.compareTo(latest) > 0)) {
          latest = modified;
          state = literal(rd, TESS.runState.asNode());
        }
      }
      return new LineageGraph.Data(
          new LineageGraph.Key(ns, name), ns, name, description, List.of(), state);
    }
    List<Node> schemas = objects(d, DCTerms.conformsTo.asNode());
    List<LineageGraph.Column> columns = List.of();
    if (!schemas.isEmpty()) {
      record Column(int ordinal, LineageGraph.Column column) {}
      columns =
          objects(r.find(schemas.getFirst(), TESS.field.asNode(), null), TESS.field.asNode())
              .stream()
              .map(f -> r.find(f, null, null))
              .map(
                  f -> {
                    String ordinal = literal(f, TESS.ordinal.asNode());
                    return new Column(
                        ordinal == null ? Integer.MAX_VALUE : Integer.parseInt(ordinal),
                        new LineageGraph.Column(
                            literal(f, RDFS.label.asNode()), literal(f, TESS.dataType.asNode())));
                  })
              .sorted(Comparator.comparingInt(Column::ordinal))
              .map(Column::column)
              .toList();
    }
    return new LineageGraph.Data(
        new LineageGraph.Key(ns, name), ns, name, description, columns, null);
  }

  private static List<Node> objects(List<Triple> triples, Node predicate) {
    return triples.stream()
        .filter(t -> t.getPredicate().equals(predicate))
        .map(Triple::getObject)
        .distinct()
        .toList();
  }

  private static List<Node> subjects(GraphReader r, Node predicate, Node object) {
    return r.find(null, predicate, object).stream().map(Triple::getSubject).distinct().toList();
  }

  private static String literal(List<Triple> triples, Node predicate) {
    return triples.stream()
        .filter(t -> t.getPredicate().equals(predicate) && t.getObject().isLiteral())
        .map(t -> t.getObject().getLiteralLexicalForm())
        .findFirst()
        .orElse(null);
  }
}
