package io.tessera.graphstore.tdb;

import io.tessera.graphstore.TermIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.index.RangeIndex;
import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;

/**
 * {@link TermIndex} on the TDB2 quad table: a lookup is one match on the quad index the pattern
 * selects (the same index the union graph's {@code find} uses), with the graph slot unbound, and
 * keeps the distinct matches of the remaining slots in index order.
 */
final class TdbTermIndex implements TermIndex {
  private static final NodeId ANY = NodeId.NodeIdAny;

  /**
   * Subjects whose node table positions lie at most this many bytes apart are read with one scan:
   * nodes written together (a schema's fields) lie a few hundred bytes apart.
   */
  private static final long NEAR = 4096;

  /** How many records of other subjects a scan may pass before it gives up. */
  private static final int FOREIGN_RECORDS = 256;

  private final NodeTupleTable quads;
  private final NodeTable nodes;
  private final Runnable beforeRead;
  // the indexes ordered by subject, predicate, object, graph and by predicate, object, subject,
  // graph; null if the store has none (then lookups go through the tuple table)
  private final TupleIndexRecord spog;
  private final TupleIndexRecord posg;

  /**
   * @param beforeRead run before every lookup (inserts quads the transaction still holds back)
   */
  TdbTermIndex(NodeTupleTable quads, Runnable beforeRead) {
    this.quads = quads;
    this.nodes = quads.getNodeTable();
    this.beforeRead = beforeRead;
    this.spog = index(quads, "SPOG");
    this.posg = index(quads, "POSG");
  }

  private static TupleIndexRecord index(NodeTupleTable quads, String name) {
    for (TupleIndex index : quads.getTupleTable().getIndexes()) {
      if (index.getName().equals(name) && index instanceof TupleIndexRecord record) {
        return record;
      }
    }
    return null;
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
    if (spog == null) {
      Iterator<Tuple<NodeId>> it = match(id(subject), ANY, ANY);
      while (it.hasNext()) {
        Tuple<NodeId> quad = it.next();
        links.add(new Link(new Id(quad.get(2)), new Id(quad.get(3))));
      }
    } else {
      Iterator<Record> records = range(spog, id(subject));
      while (records.hasNext()) {
        byte[] key = records.next().getKey();
        links.add(
            new Link(
                new Id(NodeIdFactory.get(key, NodeId.SIZE)),
                new Id(NodeIdFactory.get(key, 2 * NodeId.SIZE))));
      }
    }
    return List.copyOf(links);
  }

  /**
   * The records of an index whose leading ids are the prefix, in key order, read straight from the
   * index (as the tuple table's own match does, without turning each record into a tuple).
   */
  private Iterator<Record> range(TupleIndexRecord index, NodeId... prefix) {
    beforeRead.run();
    RangeIndex range = index.getRangeIndex();
    Record min = range.getRecordFactory().createKeyOnly();
    Record max = range.getRecordFactory().createKeyOnly();
    for (int i = 0; i < prefix.length; i++) {
      NodeIdFactory.set(prefix[i], min.getKey(), i * NodeId.SIZE);
      if (i < prefix.length - 1) {
        NodeIdFactory.set(prefix[i], max.getKey(), i * NodeId.SIZE);
      } else {
        NodeIdFactory.setNext(prefix[i], max.getKey(), i * NodeId.SIZE);
      }
    }
    return range.iterator(min, max);
  }

  /** The distinct ids at one position of the records, in order. */
  private static List<Term> slot(Iterator<Record> records, int position) {
    Set<NodeId> seen = new LinkedHashSet<>();
    while (records.hasNext()) {
      seen.add(NodeIdFactory.get(records.next().getKey(), position * NodeId.SIZE));
    }
    List<Term> terms = new ArrayList<>(seen.size());
    for (NodeId id : seen) {
      terms.add(new Id(id));
    }
    return terms;
  }

  @Override
  public Map<Term, List<Link>> links(Collection<Term> subjects) {
    Map<Term, List<Link>> links = new HashMap<>();
    List<NodeId> ids = new ArrayList<>();
    for (Term subject : subjects) {
      if (id(subject).isPtr()) {
        ids.add(id(subject));
      } else {
        links.put(subject, links(subject));
      }
    }
    ids.sort(Comparator.comparingLong(NodeId::getPtrLocation));
    int from = 0;
    while (from < ids.size()) {
      int to = from + 1;
      while (to < ids.size()
          && ids.get(to).getPtrLocation() - ids.get(from).getPtrLocation() <= NEAR) {
        to++;
      }
      List<NodeId> group = ids.subList(from, to);
      if (group.size() == 1 || spog == null || !scan(group, links)) {
        for (NodeId id : group) {
          links.put(new Id(id), links(new Id(id)));
        }
      }
      from = to;
    }
    return links;
  }

  /**
   * Reads the links of subjects with nearby ids from one scan of the subject-first index, from the
   * first subject's records up to the last one's. Gives up (false) when other subjects fill the
   * range with more than {@link #FOREIGN_RECORDS} records.
   */
  private boolean scan(List<NodeId> group, Map<Term, List<Link>> out) {
    beforeRead.run();
    RangeIndex index = spog.getRangeIndex();
    Record min = index.getRecordFactory().createKeyOnly();
    NodeIdFactory.set(group.getFirst(), min.getKey(), 0);
    Record max = index.getRecordFactory().createKeyOnly();
    NodeIdFactory.setNext(group.getLast(), max.getKey(), 0);
    Map<NodeId, Set<Link>> found = new HashMap<>();
    for (NodeId id : group) {
      found.put(id, new LinkedHashSet<>());
    }
    int foreign = 0;
    Iterator<Record> records = index.iterator(min, max);
    while (records.hasNext()) {
      byte[] key = records.next().getKey();
      Set<Link> links = found.get(NodeIdFactory.get(key, 0));
      if (links == null) {
        if (++foreign > FOREIGN_RECORDS) {
          return false;
        }
        continue;
      }
      links.add(
          new Link(
              new Id(NodeIdFactory.get(key, NodeId.SIZE)),
              new Id(NodeIdFactory.get(key, 2 * NodeId.SIZE))));
    }
    found.forEach((id, links) -> out.put(new Id(id), List.copyOf(links)));
    return true;
  }

  @Override
  public List<Term> objects(Term subject, Term predicate) {
    return spog == null
        ? tupleSlot(match(id(subject), id(predicate), ANY), 3)
        : slot(range(spog, id(subject), id(predicate)), 2);
  }

  @Override
  public List<Term> subjects(Term predicate, Term object) {
    return posg == null
        ? tupleSlot(match(ANY, id(predicate), id(object)), 1)
        : slot(range(posg, id(predicate), id(object)), 2);
  }

  private Iterator<Tuple<NodeId>> match(NodeId s, NodeId p, NodeId o) {
    beforeRead.run();
    return quads.find(TupleFactory.create4(ANY, s, p, o));
  }

  private static List<Term> tupleSlot(Iterator<Tuple<NodeId>> it, int slot) {
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
