package io.tessera.graphstore.tdb;

import io.tessera.graphstore.TermIndex;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;

/**
 * {@link TermIndex} on the TDB2 quad table: a lookup is one match on the quad index the pattern
 * selects (the same index the union graph's {@code find} uses), with the graph slot unbound, and
 * keeps the distinct matches of the remaining slots in index order.
 */
final class TdbTermIndex implements TermIndex {
  private static final NodeId ANY = NodeId.NodeIdAny;

  private final NodeTupleTable quads;
  private final NodeTable nodes;
  private final Runnable beforeRead;

  /**
   * @param beforeRead run before every lookup (inserts quads the transaction still holds back)
   */
  TdbTermIndex(NodeTupleTable quads, Runnable beforeRead) {
    this.quads = quads;
    this.nodes = quads.getNodeTable();
    this.beforeRead = beforeRead;
  }

  /** A TDB2 node id. */
  private record Id(NodeId id) implements Term {}

  @Override
  public Term term(Node node) {
    beforeRead.run();
    NodeId id = nodes.getNodeIdForNode(node);
    return id == null || NodeId.isDoesNotExist(id) || NodeId.isAny(id) ? null : new Id(id);
  }

  @Override
  public Node node(Term term) {
    return nodes.getNodeForNodeId(((Id) term).id());
  }

  @Override
  public List<Link> links(Term subject) {
    Set<Link> links = new LinkedHashSet<>();
    Iterator<Tuple<NodeId>> it = match(id(subject), ANY, ANY);
    while (it.hasNext()) {
      Tuple<NodeId> quad = it.next();
      links.add(new Link(new Id(quad.get(2)), new Id(quad.get(3))));
    }
    return List.copyOf(links);
  }

  @Override
  public List<Term> objects(Term subject, Term predicate) {
    return slot(match(id(subject), id(predicate), ANY), 3);
  }

  @Override
  public List<Term> subjects(Term predicate, Term object) {
    return slot(match(ANY, id(predicate), id(object)), 1);
  }

  private Iterator<Tuple<NodeId>> match(NodeId s, NodeId p, NodeId o) {
    beforeRead.run();
    return quads.find(TupleFactory.create4(ANY, s, p, o));
  }

  private static List<Term> slot(Iterator<Tuple<NodeId>> it, int slot) {
    Set<NodeId> seen = new LinkedHashSet<>();
    while (it.hasNext()) {
      seen.add(it.next().get(slot));
    }
    List<Term> terms = new ArrayList<>(seen.size());
    for (NodeId id : seen) {
      terms.add(new Id(id));
    }
    return terms;
  }

  private static NodeId id(Term term) {
    return ((Id) term).id();
  }
}
