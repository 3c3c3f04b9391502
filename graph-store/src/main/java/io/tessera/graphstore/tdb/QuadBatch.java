package io.tessera.graphstore.tdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Quads added to named graphs in a write transaction, inserted into TDB2 together when the
 * transaction next reads or validates. {@code DatasetGraph.add} looks up four node ids and inserts
 * into all six quad indexes per quad, in arrival order. A batch instead looks every distinct node
 * up once and inserts into each index in that index's own key order, so consecutive inserts land in
 * the same B+tree leaves. The result in the store is the same quads.
 */
final class QuadBatch {
  private final DatasetGraph dsg;
  private final List<Node[]> pending = new ArrayList<>();
  private final Set<Node> graphs = new HashSet<>();

  QuadBatch(DatasetGraph dsg) {
    this.dsg = dsg;
  }

  /** Queues the graph's triples as quads of the named graph. */
  void add(Node graph, Graph content) {
    content
        .find()
        .forEach(
            t -> pending.add(new Node[] {graph, t.getSubject(), t.getPredicate(), t.getObject()}));
    graphs.add(graph);
  }

  /** Whether quads of the graph are waiting to be inserted. */
  boolean holds(Node graph) {
    return graphs.contains(graph);
  }

  /** Inserts every queued quad into the store (inside the caller's write transaction). */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    NodeTupleTable table = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable();
    NodeTable nodes = table.getNodeTable();
    Map<Node, NodeId> ids = new HashMap<>();
    List<Tuple<NodeId>> tuples = new ArrayList<>(pending.size());
    for (Node[] quad : pending) {
      tuples.add(
          TupleFactory.create4(
              id(ids, nodes, quad[0]),
              id(ids, nodes, quad[1]),
              id(ids, nodes, quad[2]),
              id(ids, nodes, quad[3])));
    }
    pending.clear();
    graphs.clear();
    for (TupleIndex index : table.getTupleTable().getIndexes()) {
      if (index == null) {
        continue; // as TupleTable.add does
      }
      TupleMap map = index.getMapping();
      List<Keyed> ordered = new ArrayList<>(tuples.size());
      for (Tuple<NodeId> tuple : tuples) {
        ordered.add(new Keyed(tuple, map.map(tuple)));
      }
      ordered.sort(KEY_ORDER);
      for (Keyed keyed : ordered) {
        index.add(keyed.tuple());
      }
    }
    // TupleTable.add marks the table as needing a sync; keep that bookkeeping identical.
    table.getTupleTable().addAll(List.of());
  }

  private static NodeId id(Map<Node, NodeId> ids, NodeTable nodes, Node node) {
    NodeId id = ids.get(node);
    if (id == null) {
      id = nodes.getAllocateNodeId(node);
      ids.put(node, id);
    }
    return id;
  }

  /** A tuple with its columns in an index's order. */
  private record Keyed(Tuple<NodeId> tuple, Tuple<NodeId> key) {}

  private static final Comparator<Keyed> KEY_ORDER =
      (a, b) -> {
        for (int i = 0; i < a.key().len(); i++) {
          int c = NodeId.compare(a.key().get(i), b.key().get(i));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };
}
