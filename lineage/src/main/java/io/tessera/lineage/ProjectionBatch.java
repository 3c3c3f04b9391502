package io.tessera.lineage;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.GraphWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The graphs one projection batch works on: each is read once, changed in memory by every event of
 * the batch, and written back once, so a batch of events costs one read and one write per graph
 * instead of one per event.
 */
final class ProjectionBatch {
  private final GraphWriter writer;
  private final Map<String, Model> graphs = new LinkedHashMap<>();
  private final Map<String, Set<Triple>> originals = new HashMap<>();
  private final Map<String, ChangeEvent.EntityKind> changed = new LinkedHashMap<>();
  private final Map<String, Object> lastApplied = new HashMap<>();

  ProjectionBatch(GraphWriter writer) {
    this.writer = writer;
  }

  GraphWriter writer() {
    return writer;
  }

  /** The named graph's content as of this batch. */
  Model graph(String graphIri) {
    return graphs.computeIfAbsent(
        graphIri,
        iri -> {
          Graph stored = writer.graph(iri);
          originals.put(iri, stored.find().toSet());
          return ModelFactory.createModelForGraph(stored);
        });
  }

  /**
   * Subjects of a pattern as this batch sees it: the committed store plus what earlier events of
   * the batch have added, so a result never depends on where batch boundaries fall.
   */
  List<Node> subjects(Node predicate, Node object) {
    Set<Node> found = new LinkedHashSet<>();
    writer.find(null, predicate, object).forEach(t -> found.add(t.getSubject()));
    for (Model model : graphs.values()) {
      model.getGraph().find(Node.ANY, predicate, object).forEach(t -> found.add(t.getSubject()));
    }
    return List.copyOf(found);
  }

  /**
   * Whether the last description applied to the graph in this batch was the same one (equal keys):
   * applying a description is idempotent, so a job or dataset that many events of a batch describe
   * identically is built once. Records the key as the graph's last one.
   */
  boolean repeats(String graphIri, Object key) {
    return key.equals(lastApplied.put(graphIri, key));
  }

  /** Records an entity whose graph changed, to announce after the commit. */
  void changed(String entityIri, ChangeEvent.EntityKind kind) {
    changed.putIfAbsent(entityIri, kind);
  }

  /**
   * Writes what the batch changed in each graph it touched — only the difference, so re-runs of a
   * known job rewrite (and revalidate) nothing — and announces the entities it recorded as changed,
   * but only those whose description did change: an entity is announced when a triple added or
   * removed in some graph is about the entity or about a node the entity leads to in that graph
   * (its schema and columns, its facets). A re-run of a known job then announces only its run, and
   * a job whose SQL changed announces the job but not the datasets its graph mentions, so the
   * search index and the other listeners re-read only what changed.
   *
   * @return whether any entity was announced
   */
  boolean flush() {
    // the written graphs by the subjects they hold (now or among the removals): a graph can only
    // concern an entity that is a subject in it, so each entity is checked against those alone
    Map<Node, List<Changed>> bySubject = new HashMap<>();
    boolean[] announced = {false};
    graphs.forEach(
        (iri, model) -> {
          Set<Triple> before = originals.get(iri);
          Graph now = model.getGraph();
          Set<Triple> after = now.find().toSet();
          Graph removals = GraphFactory.createDefaultGraph();
          Graph additions = GraphFactory.createDefaultGraph();
          before.stream().filter(t -> !after.contains(t)).forEach(removals::add);
          after.stream().filter(t -> !before.contains(t)).forEach(additions::add);
          if (removals.isEmpty() && additions.isEmpty()) {
            return;
          }
          writer.updateGraph(iri, removals, additions, now);
          Set<Node> subjects = new HashSet<>();
          removals.find().forEach(t -> subjects.add(t.getSubject()));
          additions.find().forEach(t -> subjects.add(t.getSubject()));
          Changed written = new Changed(now, removals, subjects);
          Set<Node> held = new HashSet<>();
          now.find().forEach(t -> held.add(t.getSubject()));
          held.addAll(subjects);
          held.forEach(n -> bySubject.computeIfAbsent(n, k -> new ArrayList<>()).add(written));
        });
    changed.forEach(
        (iri, kind) -> {
          Node entity = NodeFactory.createURI(iri);
          if (bySubject.getOrDefault(entity, List.of()).stream()
              .anyMatch(c -> c.concerns(entity))) {
            writer.changed(iri, kind, ChangeEvent.ChangeType.UPSERT);
            announced[0] = true;
          }
        });
    return announced[0];
  }

  /** A graph the batch changed: its content now, what was removed, and the subjects of both. */
  private record Changed(Graph now, Graph removals, Set<Node> subjects) {
    /** Whether a changed triple is about the entity or a node it leads to (before or after). */
    boolean concerns(Node entity) {
      Deque<Node> todo = new ArrayDeque<>();
      Set<Node> seen = new HashSet<>();
      todo.add(entity);
      seen.add(entity);
      while (!todo.isEmpty()) {
        Node node = todo.poll();
        if (subjects.contains(node)) {
          return true;
        }
        for (Graph g : List.of(now, removals)) {
          g.find(node, Node.ANY, Node.ANY)
              .forEach(
                  t -> {
                    Node o = t.getObject();
                    if ((o.isURI() || o.isBlank()) && seen.add(o)) {
                      todo.add(o);
                    }
                  });
        }
      }
      return false;
    }
  }
}
