package io.tessera.lineage;

import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.TermIndex;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Walks the lineage graphs: dataset- and job-level lineage in Marquez's shape, and column-level
 * lineage. Each hop is an index lookup on the union graph ({@code tess:reads}, {@code tess:writes},
 * {@code prov:wasDerivedFrom}), not a SPARQL query, so deep walks stay cheap; dataset- and
 * job-level walks run on the store's term ids ({@link LineageWalk}) and decode only what the answer
 * shows.
 */
public final class LineageQueries {
  /** The deepest walk a caller may ask for. */
  public static final int MAX_DEPTH = 50;

  /** How many nodes a lineage graph holds unless the caller asks for another limit. */
  public static final int DEFAULT_MAX_NODES = 1000;

  /** The largest node limit a caller may ask for. */
  public static final int MAX_NODES = 100_000;

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
          TermIndex terms = reader.terms();
          TermIndex.Term first = terms.term(iri(start));
          if (first == null) {
            return new LineageGraph(List.of(unknownNode()), false);
          }
          return new LineageWalk(terms).walk(first, maxDepth, direction, limit);
        });
  }

  /**
   * The lineage graph around a node as Marquez computes it ({@code GET /api/v1/lineage} of
   * Marquez): a walk from a job, or from a dataset's job (one that writes it, else one that reads
   * it; the one that ran last), over jobs that share a dataset in either direction, {@code depth}
   * counting job-to-job hops; the answer holds the jobs reached and every dataset they read or
   * write, edges between them. A dataset no job touches answers alone. At most {@code maxNodes}
   * nodes (the start job and its datasets always), nearer jobs first, {@link
   * LineageGraph#truncated()} when the limit cut the walk.
   */
  public LineageGraph marquezLineage(NodeId start, int depth, int maxNodes) {
    int maxDepth = Math.max(0, Math.min(depth, MAX_DEPTH));
    int limit = Math.max(1, Math.min(maxNodes, MAX_NODES));
    return store.read(
        reader -> {
          TermIndex terms = reader.terms();
          TermIndex.Term first = terms.term(iri(start));
          if (first == null) {
            return new LineageGraph(List.of(unknownNode()), false);
          }
          return new LineageWalk(terms).walkJobs(first, maxDepth, limit);
        });
  }

  /** What a walk from a node the graph does not hold answers: the node, without data. */
  private static LineageGraph.Node unknownNode() {
    return new LineageGraph.Node(
        "dataset:null:null",
        "DATASET",
        new LineageGraph.Data(new LineageGraph.Key(null, null), null, null, null, List.of(), null),
        List.of(),
        List.of());
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
