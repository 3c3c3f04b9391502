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

  /** How many nodes a lineage graph holds unless the caller asks for another limit. */
  public static final int DEFAULT_MAX_NODES = 1000;

  /** The largest node limit a caller may ask for. */
  public static final int MAX_NODES = 100_000;

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

  /** Whether the lineage graph knows the node (a dataset or job it has seen or been told of). */
  public boolean exists(NodeId id) {
    return store.read(r -> exists(r, id));
  }

  private boolean exists(GraphReader r, NodeId id) {
    Node type = id.kind() == NodeId.Kind.DATASET ? DCAT.Dataset.asNode() : PROV.Plan.asNode();
    return !r.find(iri(id), RDF.type.asNode(), type).isEmpty();
  }

  /**
   * The lineage graph within {@code depth} hops of the start node, at most {@link
   * #DEFAULT_MAX_NODES} nodes.
   */
  public LineageGraph lineage(NodeId start, int depth, Direction direction) {
    return lineage(start, depth, direction, DEFAULT_MAX_NODES);
  }

  /**
   * The lineage graph within {@code depth} hops of the start node, nearest nodes first. The walk
   * stops adding nodes when it holds {@code maxNodes} of them and then says so ({@link
   * LineageGraph#truncated()}), so a dataset read by thousands of jobs cannot turn one request into
   * a walk of the whole graph. Edges are listed between nodes of the result only.
   */
  public LineageGraph lineage(NodeId start, int depth, Direction direction, int maxNodes) {
    int maxDepth = Math.max(0, Math.min(depth, MAX_DEPTH));
    int limit = Math.max(1, Math.min(maxNodes, MAX_NODES));
    return store.read(
        reader -> {
          NodeCache r = new NodeCache(reader);
          Map<Node, Integer> seen = new LinkedHashMap<>();
          Map<Node, List<Node>> ups = new HashMap<>();
          Deque<Node> queue = new ArrayDeque<>();
          Node first = iri(start);
          seen.put(first, 0);
          queue.add(first);
          boolean truncated = false;
          while (!queue.isEmpty()) {
            Node node = queue.poll();
            int hops = seen.get(node);
            Description d = r.describe(node);
            boolean isJob = r.isJob(node);
            // every edge between two nodes of the result is an upstream link of its destination,
            // so upstream links of every node give all edges; downstream links are read only to
            // walk downstream (a hub's thousands of readers are not read on an upstream walk)
            List<Node> upstream = isJob ? d.objects(READS) : subjects(reader, WRITES, node);
            ups.put(node, upstream);
            if (hops >= maxDepth) {
              continue;
            }
            List<Node> next = new ArrayList<>();
            if (direction != Direction.DOWNSTREAM) {
              next.addAll(upstream);
            }
            if (direction != Direction.UPSTREAM) {
              next.addAll(isJob ? d.objects(WRITES) : subjects(reader, READS, node));
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
                LineageGraph.Edge edge = new LineageGraph.Edge(r.id(u), r.id(node));
                in.computeIfAbsent(node, k -> new ArrayList<>()).add(edge);
                out.computeIfAbsent(u, k -> new ArrayList<>()).add(edge);
              }
            }
          }
          List<LineageGraph.Node> nodes = new ArrayList<>(seen.size());
          for (Node node : seen.keySet()) {
            nodes.add(
                new LineageGraph.Node(
                    r.id(node),
                    r.isJob(node) ? "JOB" : "DATASET",
                    data(reader, r.describe(node), r.isJob(node)),
                    List.copyOf(in.getOrDefault(node, List.of())),
                    List.copyOf(out.getOrDefault(node, List.of()))));
          }
          return new LineageGraph(nodes, truncated);
        });
  }

  /**
   * Reads each node's triples once per walk, and its Marquez id once: edges name every node many
   * times.
   */
  private static final class NodeCache {
    private static final Node PLAN = PROV.Plan.asNode();
    private final GraphReader reader;
    private final Map<Node, Description> descriptions = new HashMap<>();
    private final Map<Node, String> ids = new HashMap<>();

    NodeCache(GraphReader reader) {
      this.reader = reader;
    }

    Description describe(Node node) {
      return descriptions.computeIfAbsent(node, n -> Description.of(reader, n));
    }

    boolean isJob(Node node) {
      return describe(node).has(RDF.type.asNode(), PLAN);
    }

    String id(Node node) {
      return ids.computeIfAbsent(
          node,
          n ->
              (isJob(n) ? "job:" : "dataset:")
                  + describe(n).literal(TESS.olNamespace.asNode())
                  + ":"
                  + describe(n).literal(TESS.olName.asNode()));
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

  private LineageGraph.Data data(GraphReader r, Description node, boolean isJob) {
    String namespace = node.literal(TESS.olNamespace.asNode());
    String name = node.literal(TESS.olName.asNode());
    String description = node.literal(DCTerms.description.asNode());
    if (isJob) {
      return new LineageGraph.Data(
          new LineageGraph.Key(namespace, name),
          namespace,
          name,
          description,
          List.of(),
          latestRunState(r, node.subject()));
    }
    return new LineageGraph.Data(
        new LineageGraph.Key(namespace, name),
        namespace,
        name,
        description,
        columns(r, node),
        null);
  }

  private static List<LineageGraph.Column> columns(GraphReader r, Description dataset) {
    List<Node> schemas = dataset.objects(DCTerms.conformsTo.asNode());
    if (schemas.isEmpty()) {
      return List.of();
    }
    record Column(int ordinal, LineageGraph.Column column) {}
    return objects(r, schemas.getFirst(), TESS.field.asNode()).stream()
        .map(f -> Description.of(r, f))
        .map(
            f ->
                new Column(
                    ordinal(f),
                    new LineageGraph.Column(
                        f.literal(RDFS.label.asNode()), f.literal(TESS.dataType.asNode()))))
        .sorted(Comparator.comparingInt(Column::ordinal))
        .map(Column::column)
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

  private static int ordinal(Description field) {
    String value = field.literal(TESS.ordinal.asNode());
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
