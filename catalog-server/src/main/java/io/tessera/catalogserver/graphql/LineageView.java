package io.tessera.catalogserver.graphql;

import io.tessera.lineage.LineageGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A {@code LineageGraph} as GraphQL shows it: nodes and the distinct edges between them. */
record LineageView(List<NodeView> nodes, List<LineageGraph.Edge> edges) {

  /** A {@code LineageNode}. */
  record NodeView(
      String id,
      String type,
      String namespace,
      String name,
      String description,
      List<LineageGraph.Column> fields,
      String latestRunState) {}

  static LineageView of(LineageGraph graph) {
    List<NodeView> nodes = new ArrayList<>(graph.graph().size());
    Set<LineageGraph.Edge> edges = new LinkedHashSet<>();
    for (LineageGraph.Node n : graph.graph()) {
      LineageGraph.Data d = n.data();
      nodes.add(
          new NodeView(
              n.id(),
              n.type(),
              d == null ? null : d.namespace(),
              d == null ? null : d.name(),
              d == null ? null : d.description(),
              d == null || d.fields() == null ? List.of() : d.fields(),
              d == null ? null : d.latestRunState()));
      edges.addAll(n.inEdges());
      edges.addAll(n.outEdges());
    }
    return new LineageView(nodes, List.copyOf(edges));
  }
}
