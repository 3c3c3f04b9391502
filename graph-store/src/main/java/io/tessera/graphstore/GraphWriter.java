package io.tessera.graphstore;

import org.apache.jena.graph.Graph;

/**
 * Write access inside a write transaction. Nothing is visible to readers until the transaction
 * commits, and it commits only if every graph written conforms to the shapes.
 */
public interface GraphWriter extends GraphReader {
  /**
   * Replaces a named graph's content; the graph is validated at commit. The content must not be
   * changed afterwards: the transaction may keep it until it commits.
   */
  void replaceGraph(String graphIri, Graph content);

  /** Adds triples to a named graph; the whole graph is validated at commit. */
  void addToGraph(String graphIri, Graph content);

  /**
   * Changes a named graph by a difference: removes then adds the given triples. The graph is
   * validated at commit; an empty difference writes nothing and validates nothing.
   */
  void updateGraph(String graphIri, Graph removals, Graph additions);

  /**
   * Changes a named graph by a difference, as {@link #updateGraph(String, Graph, Graph)}, from a
   * caller that holds the graph's whole content after the difference: the graph is validated from
   * that content instead of being read back from the store. The content must equal the stored graph
   * with the difference applied and must not be changed afterwards.
   */
  void updateGraph(String graphIri, Graph removals, Graph additions, Graph content);

  /** Removes a named graph. */
  void removeGraph(String graphIri);

  /**
   * Includes an existing graph in the data the written graphs are validated with (e.g. the product
   * a binding refers to), without writing it.
   */
  void validateWith(String graphIri);

  /** Records a change to announce on the change feed once the transaction commits. */
  void changed(String entityIri, ChangeEvent.EntityKind kind, ChangeEvent.ChangeType type);
}
