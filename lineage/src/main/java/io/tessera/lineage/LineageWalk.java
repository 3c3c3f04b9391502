package io.tessera.lineage;

import io.tessera.graphstore.TermIndex;
import io.tessera.graphstore.TermIndex.Link;
import io.tessera.graphstore.TermIndex.Term;
import io.tessera.ontology.PROV;
import io.tessera.ontology.TESS;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * One dataset- and job-level lineage walk inside a read transaction, on the store's term ids: each
 * node's triples are one index lookup that decodes nothing, and only what the answer shows is
 * decoded (identities, descriptions, column names and types, run states). IRIs of datasets, jobs,
 * runs, schemas and fields are compared as terms and never decoded.
 */
final class LineageWalk {
  private final TermIndex terms;
  private final Term type;
  private final Term plan;
  private final Term reads;
  private final Term writes;
  private final Term namespace;
  private final Term name;
  private final Term description;
  private final Term conformsTo;
  private final Term field;
  private final Term label;
  private final Term dataType;
  private final Term ordinal;
  private final Term job;
  private final Term modified;
  private final Term runState;
  private final Map<Term, Described> described = new HashMap<>();
  private final Map<Term, String> ids = new HashMap<>();
  private final Map<Term, Node> decoded = new HashMap<>();

  LineageWalk(TermIndex terms) {
    this.terms = terms;
    this.type = terms.term(RDF.type.asNode());
    this.plan = terms.term(PROV.Plan.asNode());
    this.reads = terms.term(TESS.reads.asNode());
    this.writes = terms.term(TESS.writes.asNode());
    this.namespace = terms.term(TESS.olNamespace.asNode());
    this.name = terms.term(TESS.olName.asNode());
    this.description = terms.term(DCTerms.description.asNode());
    this.conformsTo = terms.term(DCTerms.conformsTo.asNode());
    this.field = terms.term(TESS.field.asNode());
    this.label = terms.term(RDFS.label.asNode());
    this.dataType = terms.term(TESS.dataType.asNode());
    this.ordinal = terms.term(TESS.ordinal.asNode());
    this.job = terms.term(TESS.job.asNode());
    this.modified = terms.term(DCTerms.modified.asNode());
    this.runState = terms.term(TESS.runState.asNode());
  }

  /**
   * Breadth first from the start, nearest nodes first, up to {@code limit} nodes; see {@link
   * LineageQueries#lineage(NodeId, int, Direction, int)}.
   */
  LineageGraph walk(Term start, int maxDepth, Direction direction, int limit) {
    Map<Term, Integer> seen = new LinkedHashMap<>();
    Map<Term, List<Term>> ups = new HashMap<>();
    Deque<Term> queue = new ArrayDeque<>();
    seen.put(start, 0);
    queue.add(start);
    boolean truncated = false;
    while (!queue.isEmpty()) {
      Term node = queue.poll();
      int hops = seen.get(node);
      Described d = describe(node);
      boolean isJob = d.isJob();
      // every edge between two nodes of the result is an upstream link of its destination,
      // so upstream links of every node give all edges; downstream links are read only to
      // walk downstream (a hub's thousands of readers are not read on an upstream walk)
      List<Term> upstream = isJob ? d.objects(reads) : subjects(writes, node);
      ups.put(node, upstream);
      // once the limit has cut the walk, no further node can join the answer
      if (hops >= maxDepth || truncated) {
        continue;
      }
      List<Term> next = new ArrayList<>();
      if (direction != Direction.DOWNSTREAM) {
        next.addAll(upstream);
      }
      if (direction != Direction.UPSTREAM) {
        next.addAll(isJob ? d.objects(writes) : subjects(reads, node));
      }
      for (Term n : next) {
        if (seen.containsKey(n)) {
          continue;
        }
        if (seen.size() >= limit) {
          truncated = true;
          break;
        }
        seen.put(n, hops + 1);
        queue.add(n);
      }
    }
    Map<Term, List<LineageGraph.Edge>> in = new HashMap<>();
    Map<Term, List<LineageGraph.Edge>> out = new HashMap<>();
    for (Term node : seen.keySet()) {
      for (Term u : ups.get(node)) {
        if (seen.containsKey(u)) {
          LineageGraph.Edge edge = new LineageGraph.Edge(id(u), id(node));
          in.computeIfAbsent(node, k -> new ArrayList<>()).add(edge);
          out.computeIfAbsent(u, k -> new ArrayList<>()).add(edge);
        }
      }
    }
    List<LineageGraph.Node> nodes = new ArrayList<>(seen.size());
    for (Term node : seen.keySet()) {
      Described d = describe(node);
      nodes.add(
          new LineageGraph.Node(
              id(node),
              d.isJob() ? "JOB" : "DATASET",
              data(d),
              List.copyOf(in.getOrDefault(node, List.of())),
              List.copyOf(out.getOrDefault(node, List.of()))));
    }
    return new LineageGraph(nodes, truncated);
  }

  /**
   * Marquez's walk; see {@link LineageQueries#marquezLineage(NodeId, int, int)}. Jobs are
   * neighbours when one reads or writes a dataset the other reads or writes, whichever the
   * direction (two readers of one table are neighbours too); {@code maxDepth} counts these
   * job-to-job hops from the start job; the answer is the jobs reached and every dataset each of
   * them reads or writes, with every read and write among them as an edge.
   */
  LineageGraph walkJobs(Term start, int maxDepth, int limit) {
    Described first = describe(start);
    Term startJob = first.isJob() ? start : startJob(start);
    if (startJob == null) {
      // a dataset no job reads or writes: Marquez answers the dataset alone
      return new LineageGraph(
          List.of(new LineageGraph.Node(id(start), "DATASET", data(first), List.of(), List.of())),
          false);
    }
    Map<Term, Integer> jobs = new LinkedHashMap<>();
    Set<Term> datasets = new LinkedHashSet<>();
    Deque<Term> queue = new ArrayDeque<>();
    jobs.put(startJob, 0);
    datasets.addAll(io(startJob));
    queue.add(startJob);
    boolean truncated = false;
    while (!queue.isEmpty() && !truncated) {
      Term job = queue.poll();
      int hops = jobs.get(job);
      if (hops >= maxDepth) {
        continue;
      }
      for (Term dataset : io(job)) {
        List<Term> neighbours = new ArrayList<>(subjects(writes, dataset));
        neighbours.addAll(subjects(reads, dataset));
        for (Term other : neighbours) {
          if (jobs.containsKey(other)) {
            continue;
          }
          List<Term> added = io(other).stream().filter(d -> !datasets.contains(d)).toList();
          if (jobs.size() + datasets.size() + 1 + added.size() > limit) {
            truncated = true;
            break;
          }
          jobs.put(other, hops + 1);
          datasets.addAll(added);
          queue.add(other);
        }
        if (truncated) {
          break;
        }
      }
    }
    Map<Term, List<LineageGraph.Edge>> in = new HashMap<>();
    Map<Term, List<LineageGraph.Edge>> out = new HashMap<>();
    for (Term job : jobs.keySet()) {
      Described d = describe(job);
      for (Term input : d.objects(reads)) {
        LineageGraph.Edge edge = new LineageGraph.Edge(id(input), id(job));
        in.computeIfAbsent(job, k -> new ArrayList<>()).add(edge);
        out.computeIfAbsent(input, k -> new ArrayList<>()).add(edge);
      }
      for (Term output : d.objects(writes)) {
        LineageGraph.Edge edge = new LineageGraph.Edge(id(job), id(output));
        out.computeIfAbsent(job, k -> new ArrayList<>()).add(edge);
        in.computeIfAbsent(output, k -> new ArrayList<>()).add(edge);
      }
    }
    List<LineageGraph.Node> nodes = new ArrayList<>(jobs.size() + datasets.size());
    List<Term> all = new ArrayList<>(jobs.keySet());
    all.addAll(datasets);
    for (Term node : all) {
      Described d = describe(node);
      nodes.add(
          new LineageGraph.Node(
              id(node),
              d.isJob() ? "JOB" : "DATASET",
              data(d),
              List.copyOf(in.getOrDefault(node, List.of())),
              List.copyOf(out.getOrDefault(node, List.of()))));
    }
    return new LineageGraph(nodes, truncated);
  }

  /** What a job reads, then what it writes, each once. */
  private List<Term> io(Term job) {
    Described d = describe(job);
    Set<Term> io = new LinkedHashSet<>(d.objects(reads));
    io.addAll(d.objects(writes));
    return List.copyOf(io);
  }

  /**
   * The job a walk from a dataset starts at, as Marquez picks it: a job that writes the dataset
   * rather than one that reads it, and among those the one that ran last (then the first by id);
   * null when no job reads or writes it.
   */
  private Term startJob(Term dataset) {
    for (Term predicate : List.of(writes, reads)) {
      Term best = null;
      String bestTime = null;
      for (Term job : subjects(predicate, dataset)) {
        String time = latestRunTime(job);
        boolean later =
            best == null
                || compare(time, bestTime) > 0
                || (compare(time, bestTime) == 0 && id(job).compareTo(id(best)) < 0);
        if (later) {
          best = job;
          bestTime = time;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  private static int compare(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant());
  }

  /** When the job's run modified last was modified, or null when it has no run. */
  private String latestRunTime(Term jobNode) {
    String latest = null;
    for (Term run : subjects(job, jobNode)) {
      String time = new Described(run, terms.links(run)).literal(modified);
      if (time != null && compare(time, latest) > 0) {
        latest = time;
      }
    }
    return latest;
  }

  /** A node's triples, read once per walk. */
  private Described describe(Term node) {
    return described.computeIfAbsent(node, n -> new Described(n, terms.links(n)));
  }

  /** A node's Marquez id, built once per walk: edges name every node many times. */
  private String id(Term node) {
    return ids.computeIfAbsent(
        node,
        n -> {
          Described d = describe(n);
          return (d.isJob() ? "job:" : "dataset:") + d.literal(namespace) + ":" + d.literal(name);
        });
  }

  private List<Term> subjects(Term predicate, Term object) {
    return predicate == null ? List.of() : terms.subjects(predicate, object);
  }

  private LineageGraph.Data data(Described node) {
    String ns = node.literal(namespace);
    String n = node.literal(name);
    String text = node.literal(description);
    if (node.isJob()) {
      return new LineageGraph.Data(
          new LineageGraph.Key(ns, n), ns, n, text, List.of(), latestRunState(node.subject()));
    }
    return new LineageGraph.Data(new LineageGraph.Key(ns, n), ns, n, text, columns(node), null);
  }

  /** The columns of the dataset's current schema, by ordinal (those without one last). */
  private List<LineageGraph.Column> columns(Described dataset) {
    List<Term> schemas = dataset.objects(conformsTo);
    if (schemas.isEmpty() || field == null) {
      return List.of();
    }
    record Column(int ordinal, LineageGraph.Column column) {}
    List<Column> columns = new ArrayList<>();
    List<Term> fields = terms.objects(schemas.getFirst(), field);
    // a schema's fields were written together: one index scan reads them all
    Map<Term, List<Link>> links = terms.links(fields);
    for (Term f : fields) {
      Described d = new Described(f, links.get(f));
      String position = d.literal(ordinal);
      columns.add(
          new Column(
              position == null ? Integer.MAX_VALUE : Integer.parseInt(position),
              new LineageGraph.Column(d.literal(label), d.literal(dataType))));
    }
    return columns.stream()
        .sorted(Comparator.comparingInt(Column::ordinal))
        .map(Column::column)
        .toList();
  }

  /** The state of the job's run modified last (the first of equally recent ones). */
  private String latestRunState(Term jobNode) {
    String latest = null;
    String state = null;
    for (Term run : subjects(job, jobNode)) {
      Described d = new Described(run, terms.links(run));
      String time = d.literal(modified);
      if (time != null && (latest == null || time.compareTo(latest) > 0)) {
        latest = time;
        state = d.literal(runState);
      }
    }
    return state;
  }

  /**
   * The node a term stands for, decoded once per walk: namespaces, column names and types repeat
   * across nodes, and identities are shown twice (node id and data).
   */
  private Node node(Term term) {
    return decoded.computeIfAbsent(term, terms::node);
  }

  /** A subject and its distinct (predicate, object) pairs in index order. */
  private final class Described {
    private final Term subject;
    private final List<Link> links;
    private final boolean isJob;

    Described(Term subject, List<Link> links) {
      this.subject = subject;
      this.links = links;
      boolean job = false;
      for (Link l : links) {
        if (l.predicate().equals(type) && l.object().equals(plan)) {
          job = true;
          break;
        }
      }
      this.isJob = job;
    }

    Term subject() {
      return subject;
    }

    boolean isJob() {
      return isJob;
    }

    /** The distinct objects of a predicate, in index order. */
    List<Term> objects(Term predicate) {
      List<Term> objects = new ArrayList<>();
      for (Link l : links) {
        if (l.predicate().equals(predicate)) {
          objects.add(l.object());
        }
      }
      return objects;
    }

    /** The lexical form of the first literal of a predicate, or null. */
    String literal(Term predicate) {
      for (Link l : links) {
        if (l.predicate().equals(predicate)) {
          Node value = node(l.object());
          if (value.isLiteral()) {
            return value.getLiteralLexicalForm();
          }
        }
      }
      return null;
    }
  }
}
