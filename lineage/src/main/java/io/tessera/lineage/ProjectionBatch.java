package io.tessera.lineage;

import io.tessera.graphstore.ChangeEvent;
import io.tessera.graphstore.GraphWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
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

  /** Records an entity whose graph changed, to announce after the commit. */
  void changed(String entityIri, ChangeEvent.EntityKind kind) {
    changed.putIfAbsent(entityIri, kind);
  }

  /**
   * Writes what the batch changed in each graph it touched — only the difference, so re-runs of a
   * known job rewrite (and revalidate) nothing — and records the changes to announce.
   */
  void flush() {
    graphs.forEach(
        (iri, model) -> {
          Set<Triple> before = originals.get(iri);
          Set<Triple> after = model.getGraph().find().toSet();
          Graph removals = GraphFactory.createDefaultGraph();
          Graph additions = GraphFactory.createDefaultGraph();
          before.stream().filter(t -> !after.contains(t)).forEach(removals::add);
          after.stream().filter(t -> !before.contains(t)).forEach(additions::add);
          writer.updateGraph(iri, removals, additions);
        });
    changed.forEach((iri, kind) -> writer.changed(iri, kind, ChangeEvent.ChangeType.UPSERT));
  }
}
