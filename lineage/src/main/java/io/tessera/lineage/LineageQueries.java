package io.tessera.lineage;

import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
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
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Walks the lineage graphs: dataset- and job-level lineage in Marquez's shape, and column-level
 * lineage. Each hop is an index lookup on the union graph ({@code tess:reads}, {@code tess:writes},
 * {@code prov:wasDerivedFrom}), not a SPARQL query, so deep walks stay cheap.
 */
public final class LineageQueries {
  /** The deepest walk a caller may ask for. */
  public static final int MAX_DEPTH = 50;

  private static final Node READS = TESS.reads.asNode();
  private static final Node WRITES = TESS.writes.asNode();

  private final GraphStore store;
  private final IriMinter iris;

  public LineageQueries(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
  }

  /**
   * Resolves a Marquez node id against the graph, trying every split of namespace and name (both
   * may contain colons).
   */
  public Optional<NodeId> resolve(String nodeId) {
    NodeId.Kind kind;
    String rest;
    if (nodeId.startsWith("dataset:")) {
      kind = NodeId.Kind.DATASET;
      rest = nodeId.substring("dataset:".length());
    } else if (nodeId.startsWith("job:")) {
      kind = NodeId.Kind.JOB;
      rest = nodeId.substring("job:".length());
    } else {
      return Optional.empty();
    }
    return store.read(
        r -> {
          for (int i = rest.indexOf(':');
              i > 0 && i < rest.length() - 1;
              i = rest.indexOf(':', i + 1)) {
            NodeId candidate = new NodeId(kind, rest.substring(0, i), rest.substring(i + 1));
            if (exists(r, candidate)) {
              return Optional.of(candidate);
            }
          }
          return Optional.empty();
        });
  }

  private boolean exists(GraphReader r, NodeId id) {
    Node type = id.kind() == NodeId.Kind.DATASET ? DCAT.Dataset.asNode() : PROV.Plan.asNode();
    return !r.find(iri(id), RDF.type.asNode(), type).isEmpty();
  }

  /** The lineage graph within {@code depth} hops of the start node. */
  public LineageGraph lineage(NodeId start, int depth, Direction direction) {
    int maxDepth = Math.max(0, Math.min(depth, MAX_DEPTH));
    return store.read(
        reader -> {
          NodeCache r = new NodeCache(reader);
          Map<Node, Integer> seen = new LinkedHashMap<>();
          Map<Node, List<LineageGraph.Edge>> in = new HashMap<>();
          Map<Node, List<LineageGraph.Edge>> out = new HashMap<>();
          Deque<Node> queue = new ArrayDeque<>();
          Node first = iri(start);
          seen.put(first, 0);
          queue.add(first);
          while (!queue.isEmpty()) {
            Node node = queue.poll();
            int hops = seen.get(node);
            boolean isJob = r.isJob(node);
            List<Node> upstream =
                isJob ? objects(reader, node, READS) : subjects(reader, WRITES, node);
            List<Node> downstream =
                isJob ? objects(reader, node, WRITES) : subjects(reader, READS, node);
            in.put(
                node,
                upstream.stream().map(u -> new LineageGraph.Edge(r.id(u), r.id(node))).toList());
            out.put(
                node,
                downstream.stream().map(d -> new LineageGraph.Edge(r.id(node), r.id(d))).toList());
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
            nodes.add(
                new LineageGraph.Node(
                    r.id(node),
                    r.isJob(node) ? "JOB" : "DATASET",
                    data(reader, node),
                    in.getOrDefault(node, List.of()),
                    out.getOrDefault(node, List.of())));
          }
          return new LineageGraph(nodes);
        });
  }

  /** Looks up each node's kind and Marquez id once per walk: edges name every node many times. */
  private static final class NodeCache {
    private final GraphReader reader;
    private final Map<Node, Boolean> jobs = new HashMap<>();
    private final Map<Node, String> ids = new HashMap<>();

    NodeCache(GraphReader reader) {
      this.reader = reader;
    }

    boolean isJob(Node node) {
      return jobs.computeIfAbsent(node, n -> LineageQueries.isJob(reader, n));
    }

    String id(Node node) {
      return ids.computeIfAbsent(
          node,
          n ->
              (isJob(n) ? "job:" : "dataset:")
                  + literal(reader, n, TESS.olNamespace.asNode())
                  + ":"
                  + literal(reader, n, TESS.olName.asNode()));
    }
  }

  /** Column-level lineage around one field of a dataset. */
  public ColumnLineage columnLineage(NodeId dataset, String field, int depth, Direction direction) {
    int maxDepth = Math.max(0, Math.min(depth, MAX_DEPTH));
    String datasetIri = iris.dataset(dataset.namespace(), dataset.name());
    Node start = NodeFactory.createURI(iris.datasetField(datasetIri, field));
    Node derived = PROV.wasDerivedFrom.asNode();
    return store.read(
        r -> {
          List<ColumnLineage.Edge> edges = new ArrayList<>();
          Map<Node, Integer> seen = new HashMap<>();
          Deque<Node> queue = new ArrayDeque<>();
          seen.put(start, 0);
          queue.add(start);
          while (!queue.isEmpty()) {
            Node node = queue.poll();
            int hops = seen.get(node);
            if (hops >= maxDepth) {
              continue;
            }
            List<Node[]> pairs = new ArrayList<>();
            if (direction != Direction.DOWNSTREAM) {
              objects(r, node, derived).forEach(from -> pairs.add(new Node[] {from, node, from}));
            }
            if (direction != Direction.UPSTREAM) {
              subjects(r, derived, node).forEach(to -> pairs.add(new Node[] {node, to, to}));
            }
            for (Node[] pair : pairs) {
              if (!isField(r, pair[0]) || !isField(r, pair[1])) {
                continue;
              }
              edges.addAll(columnEdges(r, pair[0], pair[1]));
              if (seen.putIfAbsent(pair[2], hops + 1) == null) {
                queue.add(pair[2]);
              }
            }
          }
          return new ColumnLineage(
              new ColumnLineage.Field(dataset.namespace(), dataset.name(), field),
              edges.stream().distinct().toList());
        });
  }

  private List<ColumnLineage.Edge> columnEdges(GraphReader r, Node from, Node to) {
    List<ColumnLineage.Edge> edges = new ArrayList<>();
    for (Node derivation : objects(r, to, PROV.qualifiedDerivation.asNode())) {
      if (objects(r, derivation, PROV.entity.asNode()).contains(from)) {
        edges.add(
            new ColumnLineage.Edge(
                fieldRef(r, from),
                fieldRef(r, to),
                literal(r, derivation, TESS.transformationType.asNode()),
                literal(r, derivation, TESS.transformationSubtype.asNode())));
      }
    }
    if (edges.isEmpty()) {
      edges.add(new ColumnLineage.Edge(fieldRef(r, from), fieldRef(r, to), null, null));
    }
    return edges;
  }

  private ColumnLineage.Field fieldRef(GraphReader r, Node field) {
    String iri = field.getURI();
    Node dataset = NodeFactory.createURI(iri.substring(0, iri.lastIndexOf("/field/")));
    return new ColumnLineage.Field(
        literal(r, dataset, TESS.olNamespace.asNode()),
        literal(r, dataset, TESS.olName.asNode()),
        literal(r, field, RDFS.label.asNode()));
  }

  private static boolean isField(GraphReader r, Node node) {
    return node.isURI()
        && node.getURI().contains("/field/")
        && !r.find(node, RDF.type.asNode(), TESS.Field.asNode()).isEmpty();
  }

  private static boolean isJob(GraphReader r, Node node) {
    return !r.find(node, RDF.type.asNode(), PROV.Plan.asNode()).isEmpty();
  }

  private static String id(GraphReader r, Node node) {
    String namespace = literal(r, node, TESS.olNamespace.asNode());
    String name = literal(r, node, TESS.olName.asNode());
    return (isJob(r, node) ? "job:" : "dataset:") + namespace + ":" + name;
  }

  private LineageGraph.Data data(GraphReader r, Node node) {
    String namespace = literal(r, node, TESS.olNamespace.asNode());
    String name = literal(r, node, TESS.olName.asNode());
    String description = literal(r, node, DCTerms.description.asNode());
    if (isJob(r, node)) {
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
    // each field's ordinal is looked up once, not on every comparison of the sort
    return objects(r, schemas.getFirst(), TESS.field.asNode()).stream()
        .map(f -> new OrderedField(f, ordinal(r, f)))
        .sorted(Comparator.comparingInt(OrderedField::ordinal))
        .map(
            f ->
                new LineageGraph.Column(
                    literal(r, f.node(), RDFS.label.asNode()),
                    literal(r, f.node(), TESS.dataType.asNode())))
        .toList();
  }

  private record OrderedField(Node node, int ordinal) {}

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

  static List<Node> objects(GraphReader r, Node subject, Node predicate) {
    return r.find(subject, predicate, null).stream().map(Triple::getObject).distinct().toList();
  }

  static List<Node> subjects(GraphReader r, Node predicate, Node object) {
    return r.find(null, predicate, object).stream().map(Triple::getSubject).distinct().toList();
  }

  static String literal(GraphReader r, Node subject, Node predicate) {
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
