package io.tessera.catalogserver.api;

import io.micronaut.context.annotation.Value;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.LineageRedaction;
import io.tessera.graphstore.DatasetRef;
import io.tessera.lineage.ColumnLineage;
import io.tessera.lineage.Direction;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lineage around a node through a caller's scope, for {@code GET /api/v1/lineage}, {@code
 * /column-lineage} and the MCP lineage tools: a node the caller may not discover answers like a
 * missing one ({@code no lineage node …}), and restricted nodes in the answer are redacted by
 * governance's {@link LineageRedaction} (kept as {@code restricted:N}, the graph's shape intact).
 */
@Singleton
public class LineageReads {
  private final LineageQueries queries;
  private final LineageRedaction redaction;
  private final IriMinter iris;
  private final ObservedDatasets observed;
  private final LineageAsOf past;
  private final int defaultMaxNodes;

  /**
   * @param defaultMaxNodes how many nodes a lineage graph holds when the request does not say
   *     ({@code tessera.lineage.max-nodes})
   */
  public LineageReads(
      LineageQueries queries,
      LineageRedaction redaction,
      IriMinter iris,
      ObservedDatasets observed,
      LineageAsOf past,
      @Value("${tessera.lineage.max-nodes:1000}") int defaultMaxNodes) {
    this.past = past;
    this.queries = queries;
    this.redaction = redaction;
    this.iris = iris;
    this.observed = observed;
    this.defaultMaxNodes = defaultMaxNodes;
  }

  /**
   * The lineage graph around a node, redacted for the caller.
   *
   * @param nodeId {@code dataset:{namespace}:{name}} or {@code job:{namespace}:{name}}
   * @param direction upstream, downstream or both
   * @param maxNodes the most nodes to return (nearest first); null for the configured default
   */
  public LineageGraph lineage(
      String nodeId, int depth, String direction, Integer maxNodes, AccessScope scope) {
    return lineage(nodeId, depth, direction, maxNodes, null, scope);
  }

  /** As {@link #lineage(String, int, String, Integer, AccessScope)}, as it was at {@code asOf}. */
  public LineageGraph lineage(
      String nodeId, int depth, String direction, Integer maxNodes, AsOf asOf, AccessScope scope) {
    NodeId start = resolve(nodeId, scope);
    LineageGraph walked =
        queries.lineage(start, checkDepth(depth), direction(direction), limit(maxNodes));
    return redaction.apply(asOf == null ? walked : past.at(walked, start, nodeId, asOf), scope);
  }

  /** How a lineage request walks the graph. */
  public enum Traversal {
    /** Marquez's walk: job-to-job hops over shared datasets, both ways; the default. */
    MARQUEZ,
    /** Tessera's directed walk: every dataset-job hop counts, upstream, downstream or both. */
    DIRECTED
  }

  /**
   * The traversal a request asks for: {@code traversal} when given; otherwise the directed walk
   * when the request names a direction other than {@code both} (Marquez's walk has none), else
   * Marquez's.
   */
  public static Traversal traversal(String traversal, String direction) {
    boolean directed =
        direction != null && !direction.isBlank() && !"both".equalsIgnoreCase(direction);
    if (traversal == null || traversal.isBlank()) {
      return directed ? Traversal.DIRECTED : Traversal.MARQUEZ;
    }
    Traversal chosen;
    try {
      chosen = Traversal.valueOf(traversal.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "traversal must be marquez or directed");
    }
    if (chosen == Traversal.MARQUEZ && directed) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "traversal=marquez walks both ways; use traversal=directed for direction=" + direction);
    }
    return chosen;
  }

  /**
   * The lineage graph around a node, redacted for the caller, in Marquez's shape, each dataset node
   * the caller may discover with the product whose output port serves it, when the caller may
   * discover that product too. Marquez's walk lists the nodes by id, as Marquez does; the directed
   * walk nearest first.
   */
  public LineageView owned(
      String nodeId,
      int depth,
      String direction,
      Integer maxNodes,
      Traversal traversal,
      AccessScope scope) {
    return owned(nodeId, depth, direction, maxNodes, traversal, null, scope);
  }

  /**
   * As {@link #owned(String, int, String, Integer, Traversal, AccessScope)}, as lineage was at
   * {@code asOf} when it is not null: the walk sees only the runs the journal had received by then
   * (see {@link LineageAsOf}); the node must have been observed by then, else it is not found.
   */
  public LineageView owned(
      String nodeId,
      int depth,
      String direction,
      Integer maxNodes,
      Traversal traversal,
      AsOf asOf,
      AccessScope scope) {
    NodeId start = resolve(nodeId, scope);
    int hops = checkDepth(depth);
    int limit = limit(maxNodes);
    LineageGraph walked =
        traversal == Traversal.MARQUEZ
            ? queries.marquezLineage(start, hops, limit)
            : queries.lineage(
                start, hops, direction(direction == null ? "both" : direction), limit);
    if (asOf != null) {
      walked = past.at(walked, start, nodeId, asOf);
    }
    LineageGraph graph = redaction.apply(walked, scope);
    List<DatasetRef> datasets = new ArrayList<>();
    Map<String, LineageGraph.Key> keys = new HashMap<>();
    for (LineageGraph.Node node : graph.graph()) {
      if (node.data() != null && node.data().id() != null) {
        keys.put(node.id(), node.data().id());
        if ("DATASET".equals(node.type())) {
          datasets.add(new DatasetRef(node.data().id().namespace(), node.data().id().name()));
        }
      }
    }
    Map<DatasetRef, String> owners = observed.owners(datasets);
    List<LineageView.Node> nodes = new ArrayList<>(graph.graph().size());
    for (LineageGraph.Node node : graph.graph()) {
      String product = null;
      if ("DATASET".equals(node.type()) && node.data() != null && node.data().id() != null) {
        LineageGraph.Key key = node.data().id();
        product = discoverable(owners.get(new DatasetRef(key.namespace(), key.name())), scope);
      }
      nodes.add(
          new LineageView.Node(
              node.id(), node.type(), data(node, keys), node.inEdges(), node.outEdges(), product));
    }
    if (traversal == Traversal.MARQUEZ) {
      nodes.sort(Comparator.comparing(LineageView.Node::id));
    }
    return new LineageView(nodes, graph.truncated());
  }

  /** Marquez's node data for a node, or null for a restricted node. */
  private static LineageView.Data data(LineageGraph.Node node, Map<String, LineageGraph.Key> keys) {
    LineageGraph.Data d = node.data();
    if (d == null) {
      return null;
    }
    boolean dataset = "DATASET".equals(node.type());
    if (dataset) {
      List<LineageView.Field> fields =
          d.fields() == null
              ? List.of()
              : d.fields().stream()
                  .map(c -> new LineageView.Field(c.name(), c.type(), List.of(), null))
                  .toList();
      return new LineageView.Data(
          d.id(),
          "DB_TABLE",
          d.name(),
          d.name(),
          null,
          d.namespace(),
          d.namespace(),
          fields,
          List.of(),
          null,
          null,
          d.description(),
          d.latestRunState());
    }
    return new LineageView.Data(
        d.id(),
        "BATCH",
        d.name(),
        null,
        d.name(),
        d.namespace(),
        null,
        null,
        List.of(),
        ends(node.inEdges(), true, keys),
        ends(node.outEdges(), false, keys),
        d.description(),
        d.latestRunState());
  }

  private static List<LineageGraph.Key> ends(
      List<LineageGraph.Edge> edges, boolean origins, Map<String, LineageGraph.Key> keys) {
    List<LineageGraph.Key> ends = new ArrayList<>();
    for (LineageGraph.Edge e : edges) {
      LineageGraph.Key key = keys.get(origins ? e.origin() : e.destination());
      if (key != null) {
        ends.add(key);
      }
    }
    return ends;
  }

  /**
   * Marquez's lineage graph around a node, redacted for the caller; see {@link
   * LineageQueries#marquezLineage(NodeId, int, int)}.
   */
  public LineageGraph marquez(String nodeId, int depth, Integer maxNodes, AccessScope scope) {
    return redaction.apply(
        queries.marquezLineage(resolve(nodeId, scope), checkDepth(depth), limit(maxNodes)), scope);
  }

  private int limit(Integer maxNodes) {
    int limit = maxNodes == null ? defaultMaxNodes : maxNodes;
    if (limit < 1 || limit > LineageQueries.MAX_NODES) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "maxNodes must be between 1 and " + LineageQueries.MAX_NODES);
    }
    return limit;
  }

  /**
   * The namespaces of the observed datasets the caller may discover, each with how many of them it
   * holds, the most datasets first, then by name; a namespace seen only on datasets the caller may
   * not discover is left out.
   *
   * @param prefix only namespaces starting with it; null for all
   * @param limit at most this many namespaces
   */
  public List<NamespaceCount> namespaces(String prefix, int limit, AccessScope scope) {
    Map<String, Integer> counts = new TreeMap<>();
    for (DatasetRef dataset : observed.observed(prefix)) {
      if (redaction.visible(dataset, scope)) {
        counts.merge(dataset.namespace(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .map(e -> new NamespaceCount(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingInt(NamespaceCount::datasets)
                .reversed()
                .thenComparing(NamespaceCount::namespace))
        .limit(limit)
        .toList();
  }

  private String discoverable(String product, AccessScope scope) {
    if (product == null) {
      return null;
    }
    int slash = product.indexOf('/');
    if (slash < 0
        || !scope.mayDiscover(
            iris.productGraph(product.substring(0, slash), product.substring(slash + 1)))) {
      return null;
    }
    return product;
  }

  /** Column-level lineage around one field of a dataset, redacted for the caller. */
  public ColumnLineage columnLineage(
      String nodeId, String field, int depth, String direction, AccessScope scope) {
    NodeId node = resolve(nodeId, scope);
    if (node.kind() != NodeId.Kind.DATASET || field == null || field.isBlank()) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "column lineage needs nodeId=dataset:{namespace}:{name} and field");
    }
    return redaction.apply(
        queries.columnLineage(node, field, checkDepth(depth), direction(direction)), scope);
  }

  // A node the caller may not discover is not found, like one that does not exist.
  private NodeId resolve(String nodeId, AccessScope scope) {
    NodeId node = resolve(nodeId);
    String graph =
        node.kind() == NodeId.Kind.DATASET
            ? iris.datasetGraph(node.namespace(), node.name())
            : iris.jobGraph(node.namespace(), node.name());
    if (!scope.mayDiscover(graph)) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no lineage node " + nodeId);
    }
    return node;
  }

  private NodeId resolve(String nodeId) {
    if (nodeId == null || !(nodeId.startsWith("dataset:") || nodeId.startsWith("job:"))) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "nodeId must be dataset:{namespace}:{name} or job:{namespace}:{name}");
    }
    return queries
        .resolve(nodeId)
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "no lineage node " + nodeId));
  }

  private static int checkDepth(int depth) {
    if (depth < 0 || depth > LineageQueries.MAX_DEPTH) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "depth must be between 0 and " + LineageQueries.MAX_DEPTH);
    }
    return depth;
  }

  private static Direction direction(String value) {
    try {
      return Direction.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "direction must be upstream, downstream or both");
    }
  }
}
