package io.tessera.lineage.bench;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.GraphWriter;
import io.tessera.graphstore.RdfFormat;
import io.tessera.graphstore.Row;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A benchmark-only wrapper around a {@link GraphStore} that measures, and optionally removes, the
 * rewriting of unchanged graphs by the lineage projection: {@code ProjectionBatch.flush()} calls
 * {@code replaceGraph} (delete every quad, insert every quad) for every graph a batch touched, also
 * when the batch left it as it was, as for the job and dataset graphs of a job that runs again.
 *
 * <p>With {@code skip} on, {@code replaceGraph} of a graph whose new content equals what the
 * transaction read is dropped: the prototype of the proposed change (in production the writer would
 * apply the difference, deleting removed and inserting added triples only). Counts are kept either
 * way.
 */
final class SkipUnchangedGraphStore implements GraphStore {
  private final GraphStore delegate;
  volatile boolean skip;
  long replaced;
  long unchanged;
  long triplesWritten;
  long triplesUnchangedRewritten;

  SkipUnchangedGraphStore(GraphStore delegate) {
    this.delegate = delegate;
  }

  void resetCounts() {
    replaced = 0;
    unchanged = 0;
    triplesWritten = 0;
    triplesUnchangedRewritten = 0;
  }

  @Override
  public <T> T read(Function<GraphReader, T> work) {
    return delegate.read(work);
  }

  @Override
  public long write(Consumer<GraphWriter> work) {
    return delegate.write(w -> work.accept(new Writer(w)));
  }

  @Override
  public void dryRun(Consumer<GraphWriter> work) {
    delegate.dryRun(w -> work.accept(new Writer(w)));
  }

  @Override
  public List<Row> select(Query query, Map<String, Node> bindings) {
    return delegate.select(query, bindings);
  }

  @Override
  public long revision() {
    return delegate.revision();
  }

  @Override
  public void export(OutputStream out, RdfFormat format) {
    delegate.export(out, format);
  }

  @Override
  public void importAll(InputStream in, RdfFormat format) {
    delegate.importAll(in, format);
  }

  @Override
  public void subscribe(ChangeListener listener) {
    delegate.subscribe(listener);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private final class Writer implements GraphWriter {
    private final GraphWriter w;
    private final Map<String, Graph> asRead = new HashMap<>();

    Writer(GraphWriter w) {
      this.w = w;
    }

    @Override
    public Graph graph(String graphIri) {
      Graph copy = w.graph(graphIri);
      Graph snapshot = GraphFactory.createDefaultGraph();
      copy.find().forEach(snapshot::add);
      asRead.putIfAbsent(graphIri, snapshot);
      return copy;
    }

    @Override
    public void replaceGraph(String graphIri, Graph content) {
      Graph before = asRead.get(graphIri);
      boolean same =
          before != null
              && before.size() == content.size()
              && content.find().filterDrop(before::contains).toList().isEmpty();
      if (same) {
        unchanged++;
        triplesUnchangedRewritten += content.size();
        if (skip) {
          return;
        }
      }
      replaced++;
      triplesWritten += content.size();
      w.replaceGraph(graphIri, content);
    }

    /** The shipped projector now writes differences itself; counted the same way. */
    @Override
    public void updateGraph(String graphIri, Graph removals, Graph additions) {
      if (removals.isEmpty() && additions.isEmpty()) {
        unchanged++;
      } else {
        replaced++;
        triplesWritten += removals.size() + additions.size();
      }
      w.updateGraph(graphIri, removals, additions);
    }

    @Override
    public boolean containsGraph(String graphIri) {
      return w.containsGraph(graphIri);
    }

    @Override
    public List<Triple> find(Node subject, Node predicate, Node object) {
      return w.find(subject, predicate, object);
    }

    @Override
    public List<String> graphNames(String prefix) {
      return w.graphNames(prefix);
    }

    @Override
    public List<Row> select(Query query, Map<String, Node> bindings) {
      return w.select(query, bindings);
    }

    @Override
    public boolean ask(Query query, Map<String, Node> bindings) {
      return w.ask(query, bindings);
    }

    @Override
    public Graph construct(Query query, Map<String, Node> bindings) {
      return w.construct(query, bindings);
    }

    @Override
    public void addToGraph(String graphIri, Graph content) {
      w.addToGraph(graphIri, content);
    }

    @Override
    public void removeGraph(String graphIri) {
      w.removeGraph(graphIri);
    }

    @Override
    public void validateWith(String graphIri) {
      w.validateWith(graphIri);
    }

    @Override
    public void changed(
        String entityIri, ChangeEvent.EntityKind kind, ChangeEvent.ChangeType type) {
      w.changed(entityIri, kind, type);
    }
  }
}
