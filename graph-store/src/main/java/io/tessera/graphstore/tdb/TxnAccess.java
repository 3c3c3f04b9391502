package io.tessera.graphstore.tdb;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.GraphWriter;
import io.tessera.graphstore.QueryTimeoutException;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.Row;
import io.tessera.graphstore.SparqlResult;
import io.tessera.graphstore.TermIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Reader and writer over a dataset inside an open transaction. Tracks which graphs were written (to
 * validate them at commit) and which changes to announce. Replaced graphs, and what a difference
 * adds to a graph, are inserted in one batch ({@link QuadBatch}) before the transaction next reads,
 * validates or commits; replaced graphs are validated from the content they were replaced with
 * rather than read back from the store.
 */
public final class TxnAccess implements GraphWriter {
  private final DatasetGraph dsg;
  private final Duration timeout;
  private final Set<Node> written = new LinkedHashSet<>();
  private final Set<Node> context = new LinkedHashSet<>();
  private final List<PendingChange> changes = new ArrayList<>();
  private final Map<Node, Graph> replaced = new HashMap<>();
  private final QuadBatch batch;
  private boolean anyWrite;
  private RDFChanges recorder;

  /** A change recorded during the transaction, announced with the commit's revision. */
  public record PendingChange(
      String entityIri, ChangeEvent.EntityKind kind, ChangeEvent.ChangeType type) {}

  /**
   * @param timeout how long each query may run, or null for none (the server's own whole-catalog
   *     reads)
   */
  public TxnAccess(Dataset dataset, Duration timeout) {
    this.dsg = dataset.asDatasetGraph();
    this.timeout = timeout;
    this.batch = new QuadBatch(dsg);
  }

  /**
   * Records every quad this transaction deletes or adds, in order, as RDF Patch changes (for the
   * journal). Set before the first write.
   */
  public void record(RDFChanges changes) {
    this.recorder = changes;
  }

  private void recordAdd(Node graph, Triple t) {
    if (recorder != null) {
      recorder.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
    }
  }

  private void recordDelete(Node graph, Triple t) {
    if (recorder != null) {
      recorder.delete(graph, t.getSubject(), t.getPredicate(), t.getObject());
    }
  }

  /** Inserts the replaced graphs' quads that are still queued; every read does this first. */
  public void flush() {
    batch.flush();
  }

  // Work on one graph sees the queued quads of that graph only, so it flushes only if there are
  // any.
  private void flush(Node graph) {
    if (batch.holds(graph)) {
      batch.flush();
    }
  }

  @Override
  public Graph graph(String graphIri) {
    flush(iri(graphIri));
    Graph copy = GraphFactory.createDefaultGraph();
    dsg.getGraph(iri(graphIri)).find().forEach(copy::add);
    return copy;
  }

  @Override
  public boolean containsGraph(String graphIri) {
    flush(iri(graphIri));
    return dsg.contains(iri(graphIri), Node.ANY, Node.ANY, Node.ANY);
  }

  @Override
  public List<Triple> find(Node subject, Node predicate, Node object) {
    flush();
    return dsg.getUnionGraph().find(any(subject), any(predicate), any(object)).toList().stream()
        .distinct()
        .toList();
  }

  @Override
  public Set<Node> graphsWith(Node subject, Node predicate, Node object) {
    flush();
    Set<Node> graphs = new LinkedHashSet<>();
    dsg.findNG(Node.ANY, any(subject), any(predicate), any(object))
        .forEachRemaining(q -> graphs.add(q.getGraph()));
    return graphs;
  }

  @Override
  public boolean contains(Node graph, Node subject, Node predicate, Node object) {
    flush(graph);
    return dsg.contains(any(graph), any(subject), any(predicate), any(object));
  }

  @Override
  public TermIndex terms() {
    flush();
    return new TdbTermIndex(
        TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable(), this::flush);
  }

  private static Node any(Node node) {
    return node == null ? Node.ANY : node;
  }

  @Override
  public List<String> graphNames(String prefix) {
    flush();
    List<String> names = new ArrayList<>();
    dsg.listGraphNodes()
        .forEachRemaining(
            g -> {
              if (g.isURI() && g.getURI().startsWith(prefix)) {
                names.add(g.getURI());
              }
            });
    return names;
  }

  @Override
  public List<Row> select(Query query, Map<String, Node> bindings) {
    List<Row> rows = new ArrayList<>();
    try (QueryExec exec = build(query, bindings).build()) {
      RowSet rowSet = exec.select();
      List<Var> vars = rowSet.getResultVars();
      rowSet.forEachRemaining(
          binding -> {
            Map<String, Node> values = new HashMap<>();
            for (Var var : vars) {
              Node value = binding.get(var);
              if (value != null) {
                values.put(var.getVarName(), value);
              }
            }
            rows.add(new Row(values));
          });
    } catch (QueryCancelledException e) {
      throw timedOut(e);
    }
    return rows;
  }

  @Override
  public boolean ask(Query query, Map<String, Node> bindings) {
    try (QueryExec exec = build(query, bindings).build()) {
      return exec.ask();
    } catch (QueryCancelledException e) {
      throw timedOut(e);
    }
  }

  @Override
  public Graph construct(Query query, Map<String, Node> bindings) {
    try (QueryExec exec = build(query, bindings).build()) {
      Graph copy = GraphFactory.createDefaultGraph();
      exec.construct(copy);
      return copy;
    } catch (QueryCancelledException e) {
      throw timedOut(e);
    }
  }

  @Override
  public SparqlResult query(
      Query query, DatasetDescription dataset, ReadScope scope, int maxResults) {
    flush();
    if (timeout == null) {
      throw new IllegalStateException("a caller's query always runs with the store's timeout");
    }
    return new ScopedQuery(dsg, timeout).run(query, dataset, scope, maxResults);
  }

  private RuntimeException timedOut(QueryCancelledException e) {
    return timeout == null ? e : new QueryTimeoutException(timeout, e);
  }

  private QueryExecBuilder build(Query query, Map<String, Node> bindings) {
    flush();
    QueryExecBuilder builder = QueryExec.dataset(dsg).query(query);
    if (timeout != null) {
      builder.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    bindings.forEach((var, value) -> builder.substitution(var, value));
    return builder;
  }

  @Override
  public void replaceGraph(String graphIri, Graph content) {
    Node graph = iri(graphIri);
    flush(graph);
    Graph additions = removeAllBut(graph, content);
    if (recorder != null) {
      additions.find().forEach(t -> recordAdd(graph, t));
    }
    batch.add(graph, additions);
    replaced.put(graph, content);
    markWritten(graph);
  }

  /**
   * Deletes the graph's triples that the new content lacks and returns the content's triples the
   * graph lacks, so that re-applying a graph that changed a little rewrites a little.
   */
  private Graph removeAllBut(Node graph, Graph content) {
    List<Triple> stored = new ArrayList<>();
    dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> stored.add(q.asTriple()));
    if (stored.isEmpty()) {
      return content;
    }
    Set<Triple> kept = new HashSet<>();
    for (Triple t : stored) {
      if (content.contains(t)) {
        kept.add(t);
      } else {
        dsg.delete(graph, t.getSubject(), t.getPredicate(), t.getObject());
        recordDelete(graph, t);
      }
    }
    Graph additions = GraphFactory.createDefaultGraph();
    content.find().filterDrop(kept::contains).forEach(additions::add);
    return additions;
  }

  @Override
  public void addToGraph(String graphIri, Graph content) {
    flush();
    Node graph = iri(graphIri);
    replaced.remove(graph);
    content
        .find()
        .forEach(
            t -> {
              dsg.add(graph, t.getSubject(), t.getPredicate(), t.getObject());
              recordAdd(graph, t);
            });
    markWritten(graph);
  }

  @Override
  public void updateGraph(String graphIri, Graph removals, Graph additions) {
    update(graphIri, removals, additions, null);
  }

  @Override
  public void updateGraph(String graphIri, Graph removals, Graph additions, Graph content) {
    update(graphIri, removals, additions, java.util.Objects.requireNonNull(content));
  }

  private void update(String graphIri, Graph removals, Graph additions, Graph content) {
    if (removals.isEmpty() && additions.isEmpty()) {
      return;
    }
    Node graph = iri(graphIri);
    flush(graph);
    if (content == null) {
      replaced.remove(graph);
    } else {
      replaced.put(graph, content);
    }
    removals
        .find()
        .forEach(
            t -> {
              dsg.delete(graph, t.getSubject(), t.getPredicate(), t.getObject());
              recordDelete(graph, t);
            });
    if (recorder != null) {
      additions.find().forEach(t -> recordAdd(graph, t));
    }
    // queued like a replaced graph's quads: the additions of many graphs (a projection batch's)
    // are then inserted together, each index in its own key order, before the next read
    batch.add(graph, additions);
    markWritten(graph);
  }

  @Override
  public void removeGraph(String graphIri) {
    flush(iri(graphIri));
    replaced.remove(iri(graphIri));
    if (recorder != null) {
      dsg.find(iri(graphIri), Node.ANY, Node.ANY, Node.ANY)
          .forEachRemaining(q -> recordDelete(q.getGraph(), q.asTriple()));
    }
    dsg.deleteAny(iri(graphIri), Node.ANY, Node.ANY, Node.ANY);
    anyWrite = true;
  }

  @Override
  public void validateWith(String graphIri) {
    context.add(iri(graphIri));
  }

  @Override
  public void changed(String entityIri, ChangeEvent.EntityKind kind, ChangeEvent.ChangeType type) {
    changes.add(new PendingChange(entityIri, kind, type));
  }

  /** Marks the transaction as having written something the caller changed directly. */
  public void markWritten() {
    anyWrite = true;
  }

  private void markWritten(Node graph) {
    written.add(graph);
    anyWrite = true;
  }

  /** Whether anything was written. */
  public boolean hasWrites() {
    return anyWrite;
  }

  /** The graphs to validate at commit: those written (if they still exist) plus context. */
  public Set<Node> validationGraphs() {
    Set<Node> graphs = new LinkedHashSet<>(written);
    graphs.addAll(context);
    return graphs;
  }

  /**
   * What a graph to validate holds now: the content it was replaced with in this transaction, or
   * else what the store holds (the queued quads included).
   */
  public Graph validationContent(Node graph) {
    Graph content = replaced.get(graph);
    if (content != null) {
      return content;
    }
    flush();
    return dsg.getGraph(graph);
  }

  /** The changes to announce. */
  public List<PendingChange> changes() {
    return List.copyOf(changes);
  }

  private static Node iri(String graphIri) {
    return NodeFactory.createURI(graphIri);
  }
}
