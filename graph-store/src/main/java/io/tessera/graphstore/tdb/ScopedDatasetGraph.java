package io.tessera.graphstore.tdb;

import io.tessera.graphstore.ReadScope;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFilteredView;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphReadOnly;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A read-only view of the store that holds only the named graphs a {@link ReadScope} allows, built
 * on Jena's {@link DatasetGraphFilteredView}: every quad read through it is tested. Its default
 * graph is the union of the visible named graphs (the store's own default graph is never shown). It
 * is evaluated by ARQ's general engine, so it is the route for what TDB2's quad filter does not
 * reach: property paths, DESCRIBE and dynamic datasets (FROM / FROM NAMED).
 */
final class ScopedDatasetGraph extends DatasetGraphFilteredView {
  private final DatasetGraph base;

  private ScopedDatasetGraph(DatasetGraph base, GraphDecisions decisions) {
    super(base, q -> decisions.allows(q.getGraph()), new VisibleGraphs(base, decisions));
    this.base = base;
  }

  static ScopedDatasetGraph over(DatasetGraph base, ReadScope scope) {
    return new ScopedDatasetGraph(base, new GraphDecisions(scope));
  }

  @Override
  public Graph getDefaultGraph() {
    return getUnionGraph();
  }

  @Override
  public Graph getUnionGraph() {
    return new GraphReadOnly(new UnionOfVisible(this));
  }

  @Override
  public Graph getGraph(Node graphNode) {
    if (Quad.isUnionGraph(graphNode) || Quad.isDefaultGraph(graphNode)) {
      return getUnionGraph();
    }
    return new GraphReadOnly(GraphView.createNamedGraph(this, graphNode));
  }

  @Override
  public boolean containsGraph(Node graphNode) {
    return Quad.isUnionGraph(graphNode)
        || Quad.isDefaultGraph(graphNode)
        || findNG(graphNode, Node.ANY, Node.ANY, Node.ANY).hasNext();
  }

  @Override
  public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
    if (g == null || Quad.isUnionGraph(g) || Quad.isDefaultGraph(g)) {
      return unionQuads(s, p, o);
    }
    return super.find(g, s, p, o);
  }

  @Override
  public Iterator<Quad> find(Quad quad) {
    return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
  }

  @Override
  public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
    if (g == null || Quad.isUnionGraph(g)) {
      return super.findNG(Node.ANY, s, p, o);
    }
    return super.findNG(g, s, p, o);
  }

  @Override
  public boolean contains(Node g, Node s, Node p, Node o) {
    return find(g, s, p, o).hasNext();
  }

  @Override
  public boolean contains(Quad quad) {
    return find(quad).hasNext();
  }

  /** Triples of the visible named graphs, as default-graph quads, without duplicates. */
  private Iterator<Quad> unionQuads(Node s, Node p, Node o) {
    Iterator<Triple> triples = Iter.distinct(Iter.map(findNG(Node.ANY, s, p, o), Quad::asTriple));
    return Iter.map(triples, t -> Quad.create(Quad.defaultGraphIRI, t));
  }

  @Override
  public String toString() {
    return "scoped view of " + base.getClass().getSimpleName();
  }

  /** The union graph of the view: each matching triple once, whichever visible graphs hold it. */
  private static final class UnionOfVisible extends GraphBase {
    private final ScopedDatasetGraph view;

    UnionOfVisible(ScopedDatasetGraph view) {
      this.view = view;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple m) {
      Iterator<Quad> quads =
          view.findNG(Node.ANY, m.getMatchSubject(), m.getMatchPredicate(), m.getMatchObject());
      return WrappedIterator.createNoRemove(Iter.distinct(Iter.map(quads, Quad::asTriple)));
    }
  }

  /** Per-view memo of which graph names the scope allows; the store's default graph never. */
  static final class GraphDecisions {
    private final ReadScope scope;
    private final Map<Node, Boolean> decisions = new ConcurrentHashMap<>();

    GraphDecisions(ReadScope scope) {
      this.scope = scope;
    }

    boolean allows(Node graph) {
      if (graph == null || !graph.isURI() || Quad.isDefaultGraph(graph)) {
        return false;
      }
      return decisions.computeIfAbsent(graph, g -> scope.mayRead(g.getURI()));
    }
  }

  /**
   * The visible graph names, listed only when a query asks for them ({@code GRAPH ?g} with a path,
   * or a DESCRIBE): listing every graph of TDB2 reads its whole quad index.
   */
  private static final class VisibleGraphs extends AbstractCollection<Node> {
    private final DatasetGraph base;
    private final GraphDecisions decisions;
    private List<Node> names;

    VisibleGraphs(DatasetGraph base, GraphDecisions decisions) {
      this.base = base;
      this.decisions = decisions;
    }

    private synchronized List<Node> names() {
      if (names == null) {
        List<Node> found = new ArrayList<>();
        base.listGraphNodes()
            .forEachRemaining(
                g -> {
                  if (decisions.allows(g)) {
                    found.add(g);
                  }
                });
        names = found;
      }
      return names;
    }

    @Override
    public Iterator<Node> iterator() {
      return names().iterator();
    }

    @Override
    public int size() {
      return names().size();
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof Node n && decisions.allows(n) && base.containsGraph(n);
    }
  }
}
