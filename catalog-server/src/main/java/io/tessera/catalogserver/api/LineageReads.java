package io.tessera.catalogserver.api;

import io.micronaut.context.annotation.Value;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.LineageRedaction;
import io.tessera.lineage.ColumnLineage;
import io.tessera.lineage.Direction;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.LineageQueries;
import io.tessera.lineage.NodeId;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.Locale;

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
  private final int defaultMaxNodes;

  /**
   * @param defaultMaxNodes how many nodes a lineage graph holds when the request does not say
   *     ({@code tessera.lineage.max-nodes})
   */
  public LineageReads(
      LineageQueries queries,
      LineageRedaction redaction,
      IriMinter iris,
      @Value("${tessera.lineage.max-nodes:1000}") int defaultMaxNodes) {
    this.queries = queries;
    this.redaction = redaction;
    this.iris = iris;
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
    int limit = maxNodes == null ? defaultMaxNodes : maxNodes;
    if (limit < 1 || limit > LineageQueries.MAX_NODES) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          "maxNodes must be between 1 and " + LineageQueries.MAX_NODES);
    }
    return redaction.apply(
        queries.lineage(resolve(nodeId, scope), checkDepth(depth), direction(direction), limit),
        scope);
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
