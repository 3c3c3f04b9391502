package io.tessera.governance;

import io.tessera.graphstore.DatasetRef;
import io.tessera.lineage.ColumnLineage;
import io.tessera.lineage.LineageGraph;
import io.tessera.lineage.ObservationReport;
import io.tessera.ontology.IriMinter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies an {@link AccessScope} to lineage answers without changing their shape: a node the caller
 * may not discover stays in the graph as {@code restricted:N} with no namespace, name or columns,
 * and its edges point to that placeholder; a node the caller may discover but not read keeps its
 * name and loses its columns. Column lineage drops derivations that touch a dataset the caller may
 * not read, since a column name is a detail. A declared-versus-observed report keeps the ports of
 * products the caller may read and the datasets it may discover.
 */
public class LineageRedaction {
  /** The type of a redacted node. */
  public static final String RESTRICTED = "RESTRICTED";

  private final IriMinter iris;

  public LineageRedaction(IriMinter iris) {
    this.iris = iris;
  }

  /** The lineage graph as the caller may see it. */
  public LineageGraph apply(LineageGraph graph, AccessScope scope) {
    if (scope.discover().isEverything() && scope.read().isEverything()) {
      return graph;
    }
    Map<String, String> renamed = new HashMap<>();
    for (LineageGraph.Node node : graph.graph()) {
      if (!scope.mayDiscover(graphOf(node))) {
        renamed.put(node.id(), "restricted:" + (renamed.size() + 1));
      }
    }
    List<LineageGraph.Node> nodes = new ArrayList<>(graph.graph().size());
    for (LineageGraph.Node node : graph.graph()) {
      String id = renamed.getOrDefault(node.id(), node.id());
      List<LineageGraph.Edge> in = edges(node.inEdges(), renamed);
      List<LineageGraph.Edge> out = edges(node.outEdges(), renamed);
      if (renamed.containsKey(node.id())) {
        nodes.add(new LineageGraph.Node(id, RESTRICTED, null, in, out));
      } else if (node.data() != null && !scope.mayRead(graphOf(node))) {
        LineageGraph.Data d = node.data();
        nodes.add(
            new LineageGraph.Node(
                id,
                node.type(),
                new LineageGraph.Data(
                    d.id(), d.namespace(), d.name(), d.description(), List.of(), null),
                in,
                out));
      } else {
        nodes.add(new LineageGraph.Node(id, node.type(), node.data(), in, out));
      }
    }
    return new LineageGraph(nodes, graph.truncated());
  }

  /** Column lineage as the caller may see it. */
  public ColumnLineage apply(ColumnLineage lineage, AccessScope scope) {
    if (scope.discover().isEverything() && scope.read().isEverything()) {
      return lineage;
    }
    List<ColumnLineage.Edge> kept = new ArrayList<>();
    for (ColumnLineage.Edge edge : lineage.edges()) {
      if (scope.mayRead(graphOf(edge.from())) && scope.mayRead(graphOf(edge.to()))) {
        kept.add(edge);
      }
    }
    return new ColumnLineage(lineage.field(), kept);
  }

  /**
   * A declared-versus-observed report as the caller may see it: ports of products it may not read
   * are left out (their datasets are details), and so are datasets it may not discover.
   */
  public ObservationReport apply(ObservationReport report, AccessScope scope) {
    if (scope.discover().isEverything() && scope.read().isEverything()) {
      return report;
    }
    return new ObservationReport(
        report.scope(),
        report.promisedNotProduced().stream().filter(p -> readable(p, scope)).toList(),
        report.declaredInputsNotRead().stream().filter(p -> readable(p, scope)).toList(),
        report.producedUnclaimed().stream().filter(d -> visible(d, scope)).toList());
  }

  /** Whether the caller may discover the dataset (its lineage graph). */
  public boolean visible(DatasetRef dataset, AccessScope scope) {
    return scope.mayDiscover(iris.datasetGraph(dataset.namespace(), dataset.name()));
  }

  private boolean readable(ObservationReport.PortStatus port, AccessScope scope) {
    return scope.mayRead(iris.productGraph(port.domain(), port.product()))
        && (port.dataset() == null || visible(port.dataset(), scope));
  }

  /** The lineage graph holding what is known of a dataset or job node. */
  private String graphOf(LineageGraph.Node node) {
    LineageGraph.Key key = node.data() == null ? null : node.data().id();
    if (key == null) {
      return iris.lineageGraphPrefix();
    }
    return "DATASET".equals(node.type())
        ? iris.datasetGraph(key.namespace(), key.name())
        : iris.jobGraph(key.namespace(), key.name());
  }

  private String graphOf(ColumnLineage.Field field) {
    return iris.datasetGraph(field.namespace(), field.name());
  }

  private static List<LineageGraph.Edge> edges(
      List<LineageGraph.Edge> edges, Map<String, String> renamed) {
    List<LineageGraph.Edge> out = new ArrayList<>(edges.size());
    for (LineageGraph.Edge e : edges) {
      out.add(
          new LineageGraph.Edge(
              renamed.getOrDefault(e.origin(), e.origin()),
              renamed.getOrDefault(e.destination(), e.destination())));
    }
    return out;
  }
}
