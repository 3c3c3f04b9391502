package io.tessera.lineage;

import java.util.List;

/**
 * A lineage graph in Marquez's response shape: nodes with their in- and out-edges (between nodes of
 * the graph), plus whether the walk stopped at its node limit.
 *
 * @param graph the nodes reached, the start node first, nearer nodes before farther ones
 * @param truncated true when more nodes lie within the requested depth than the limit allowed
 */
public record LineageGraph(List<Node> graph, boolean truncated) {

  /** A dataset or job node. */
  public record Node(String id, String type, Data data, List<Edge> inEdges, List<Edge> outEdges) {}

  /** An edge between two node ids. */
  public record Edge(String origin, String destination) {}

  /**
   * What the node is: its identity and, for datasets, the current observed or promised columns, for
   * jobs the state of the latest run.
   */
  public record Data(
      Key id,
      String namespace,
      String name,
      String description,
      List<Column> fields,
      String latestRunState) {}

  /** A namespace and name. */
  public record Key(String namespace, String name) {}

  /** A column of a dataset. */
  public record Column(String name, String type) {}
}
