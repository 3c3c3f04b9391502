package io.tessera.graphstore.tdb;

import io.tessera.graphstore.ReadScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.sys.SystemTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * TDB2's own access-control hook (the quad filter under {@link SystemTDB#symTupleFilter}, as Jena's
 * Fuseki data access control uses it): TDB2 calls it for every tuple its query engine reads from an
 * index. A quad passes when the scope allows its graph; a triple of the store's default graph never
 * does. The decision is memoised per graph id, so a query pays one node-table lookup per graph it
 * touches, whether the scope lists the graphs to show or the few to hide.
 */
final class GraphTupleFilter implements Predicate<Tuple<NodeId>> {
  private final NodeTable nodes;
  private final ReadScope scope;
  private final Map<NodeId, Boolean> decisions = new ConcurrentHashMap<>();
  private final Function<NodeId, Boolean> decide = this::decide;

  private GraphTupleFilter(NodeTable nodes, ReadScope scope) {
    this.nodes = nodes;
    this.scope = scope;
  }

  /** A filter for queries over this TDB2 dataset (inside a transaction). */
  static GraphTupleFilter over(DatasetGraph dsg, ReadScope scope) {
    NodeTable nodes =
        TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getNodeTable();
    return new GraphTupleFilter(nodes, scope);
  }

  @Override
  public boolean test(Tuple<NodeId> tuple) {
    if (tuple.len() != 4) {
      return false;
    }
    NodeId graph = tuple.get(0);
    Boolean known = decisions.get(graph);
    return known != null ? known : decisions.computeIfAbsent(graph, decide);
  }

  private boolean decide(NodeId graphId) {
    Node graph = nodes.getNodeForNodeId(graphId);
    return graph != null && graph.isURI() && scope.mayRead(graph.getURI());
  }
}
