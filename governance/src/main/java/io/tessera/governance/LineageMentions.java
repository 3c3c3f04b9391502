package io.tessera.governance;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.ChangeListener;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.GraphStore;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TESS;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Which lineage jobs write and read each dataset, by named graph, kept from the change feed.
 *
 * <p>Policies use it to hide, together with a product the caller may not discover, the jobs that
 * write the product's datasets: a job's name usually says what it produces, and a job's runs sit
 * under its graph, so they go with it. The SPARQL view uses it to leave out the jobs that read or
 * write a dataset the caller may not read, since RDF has no placeholder for the dataset they name.
 *
 * <p>Jobs reported changed are re-read on the next question, not when lineage commits, so ingest
 * pays nothing for it; the {@link #version()} changes only when some job's reads or writes did, and
 * {@link #changesSince} says which datasets' writers changed, so that cached scopes are recomputed
 * only when a job starts or stops writing a dataset some policy restricts.
 */
public class LineageMentions implements ChangeListener {
  /** Beyond this many changed jobs waiting, reading everything again is cheaper. */
  private static final int MAX_PENDING = 50_000;

  /** How many versions of changes are remembered for {@link #changesSince}. */
  private static final int MAX_HISTORY = 1_000;

  private final GraphStore store;
  private final IriMinter iris;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private volatile boolean reloadAll = true;

  // guarded by this
  private final Map<String, Io> jobs = new HashMap<>();
  private final Map<String, Set<String>> writers = new HashMap<>();
  private final Map<String, Set<String>> readers = new HashMap<>();
  private long version;
  private long reloadedAt;
  private final ArrayDeque<Change> history = new ArrayDeque<>();

  /** The dataset graphs one job reads and writes. */
  private record Io(Set<String> reads, Set<String> writes) {}

  /** The dataset graphs whose writing jobs changed at one version. */
  private record Change(long version, Set<String> written) {}

  /**
   * What changed since a version: the current version, and the dataset graphs whose writing jobs
   * changed since then, or null when that is not known (everything was read again since).
   */
  public record Since(long version, Set<String> written) {}

  public LineageMentions(GraphStore store, IriMinter iris) {
    this.store = store;
    this.iris = iris;
  }

  @Override
  public void onCommit(List<ChangeEvent> changes) {
    for (ChangeEvent change : changes) {
      switch (change.kind()) {
        case JOB -> pending.add(change.entityIri());
        case STORE -> reloadAll = true;
        default -> {}
      }
    }
    if (pending.size() > MAX_PENDING) {
      reloadAll = true;
    }
  }

  /** Increases whenever a job's reads or writes change. */
  public long version() {
    refresh();
    synchronized (this) {
      return version;
    }
  }

  /** The current version and the dataset graphs whose writers changed after {@code since}. */
  public Since changesSince(long since) {
    refresh();
    synchronized (this) {
      if (since < reloadedAt) {
        return new Since(version, null);
      }
      Set<String> written = new HashSet<>();
      for (Change c : history) {
        if (c.version() > since) {
          written.addAll(c.written());
        }
      }
      return new Since(version, written);
    }
  }

  /** The graphs of the jobs that write any of these dataset graphs. */
  public Set<String> writersOf(Collection<String> datasetGraphs) {
    return collect(datasetGraphs, false);
  }

  /** The dataset graphs these jobs write. */
  public Set<String> writtenBy(Collection<String> jobGraphs) {
    if (jobGraphs.isEmpty()) {
      return Set.of();
    }
    refresh();
    Set<String> found = new HashSet<>();
    synchronized (this) {
      for (String job : jobGraphs) {
        Io io = jobs.get(job);
        if (io != null) {
          found.addAll(io.writes());
        }
      }
    }
    return found;
  }

  /** The graphs of the jobs that read or write any of these dataset graphs. */
  public Set<String> jobsMentioning(Collection<String> datasetGraphs) {
    return collect(datasetGraphs, true);
  }

  private Set<String> collect(Collection<String> datasetGraphs, boolean reading) {
    if (datasetGraphs.isEmpty()) {
      return Set.of();
    }
    refresh();
    Set<String> found = new HashSet<>();
    synchronized (this) {
      for (String graph : datasetGraphs) {
        found.addAll(writers.getOrDefault(graph, Set.of()));
        if (reading) {
          found.addAll(readers.getOrDefault(graph, Set.of()));
        }
      }
    }
    return found;
  }

  // The changed jobs are taken before the read transaction starts, so it sees their commits; a job
  // changed later stays pending for the next refresh.
  private synchronized void refresh() {
    if (reloadAll) {
      reloadAll = false;
      pending.clear();
      Map<String, Io> all = new HashMap<>();
      store.read(
          r -> {
            for (Triple t : r.find(null, TESS.writes.asNode(), null)) {
              add(all, t, true);
            }
            for (Triple t : r.find(null, TESS.reads.asNode(), null)) {
              add(all, t, false);
            }
            return null;
          });
      jobs.clear();
      writers.clear();
      readers.clear();
      all.forEach(this::put);
      version++;
      reloadedAt = version;
      history.clear();
      return;
    }
    if (pending.isEmpty()) {
      return;
    }
    Set<String> batch = new HashSet<>(pending);
    pending.removeAll(batch);
    Map<String, Io> now =
        store.read(
            r -> {
              Map<String, Io> read = new HashMap<>();
              for (String jobIri : batch) {
                Node job = NodeFactory.createURI(jobIri);
                String graph = jobGraph(job);
                if (graph != null) {
                  read.put(
                      graph,
                      new Io(
                          datasets(r, job, TESS.reads.asNode()),
                          datasets(r, job, TESS.writes.asNode())));
                }
              }
              return read;
            });
    boolean changed = false;
    Set<String> written = new HashSet<>();
    for (Map.Entry<String, Io> e : now.entrySet()) {
      String graph = e.getKey();
      Io before = jobs.get(graph);
      if (e.getValue().equals(before)) {
        continue;
      }
      Set<String> was = before == null ? Set.of() : before.writes();
      for (String d : e.getValue().writes()) {
        if (!was.contains(d)) {
          written.add(d);
        }
      }
      for (String d : was) {
        if (!e.getValue().writes().contains(d)) {
          written.add(d);
        }
      }
      if (before != null) {
        before.writes().forEach(d -> remove(writers, d, graph));
        before.reads().forEach(d -> remove(readers, d, graph));
      }
      put(graph, e.getValue());
      changed = true;
    }
    if (changed) {
      version++;
      history.addLast(new Change(version, Set.copyOf(written)));
      if (history.size() > MAX_HISTORY) {
        reloadedAt = history.removeFirst().version();
      }
    }
  }

  private void add(Map<String, Io> all, Triple t, boolean writes) {
    String job = jobGraph(t.getSubject());
    String dataset = datasetGraph(t.getObject());
    if (job != null && dataset != null) {
      Io io = all.computeIfAbsent(job, g -> new Io(new HashSet<>(), new HashSet<>()));
      (writes ? io.writes() : io.reads()).add(dataset);
    }
  }

  private void put(String jobGraph, Io io) {
    jobs.put(jobGraph, io);
    io.writes().forEach(d -> writers.computeIfAbsent(d, k -> new HashSet<>()).add(jobGraph));
    io.reads().forEach(d -> readers.computeIfAbsent(d, k -> new HashSet<>()).add(jobGraph));
  }

  private Set<String> datasets(GraphReader reader, Node job, Node predicate) {
    Set<String> graphs = new HashSet<>();
    for (Triple t : reader.find(job, predicate, null)) {
      String graph = datasetGraph(t.getObject());
      if (graph != null) {
        graphs.add(graph);
      }
    }
    return graphs;
  }

  private String jobGraph(Node job) {
    return job.isURI() && job.getURI().startsWith(iris.base() + "/job/")
        ? iris.jobGraphOf(job.getURI())
        : null;
  }

  private String datasetGraph(Node dataset) {
    return dataset.isURI() && dataset.getURI().startsWith(iris.base() + "/dataset/")
        ? iris.datasetGraphOf(dataset.getURI())
        : null;
  }

  private static void remove(Map<String, Set<String>> index, String dataset, String job) {
    Set<String> jobs = index.get(dataset);
    if (jobs != null && jobs.remove(job) && jobs.isEmpty()) {
      index.remove(dataset);
    }
  }
}
