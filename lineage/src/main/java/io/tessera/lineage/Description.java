package io.tessera.lineage;

import io.tessera.graphstore.GraphReader;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Every triple of one subject in the union graph, read with one index lookup, so that a node's
 * kind, identity, description and links cost one lookup instead of one per property.
 */
record Description(Node subject, List<Triple> triples) {

  static Description of(GraphReader r, Node subject) {
    return new Description(subject, r.find(subject, null, null));
  }

  /** The distinct objects of a property. */
  List<Node> objects(Node predicate) {
    return triples.stream()
        .filter(t -> t.getPredicate().equals(predicate))
        .map(Triple::getObject)
        .distinct()
        .toList();
  }

  /** The lexical form of the first literal of a property, or null. */
  String literal(Node predicate) {
    for (Triple t : triples) {
      if (t.getPredicate().equals(predicate) && t.getObject().isLiteral()) {
        return t.getObject().getLiteralLexicalForm();
      }
    }
    return null;
  }

  boolean has(Node predicate, Node object) {
    for (Triple t : triples) {
      if (t.getPredicate().equals(predicate) && t.getObject().equals(object)) {
        return true;
      }
    }
    return false;
  }
}
