package io.tessera.graphstore;

import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;

/** One solution of a SELECT query, copied out of the transaction. */
public record Row(Map<String, Node> values) {
  public Row {
    values = Map.copyOf(values);
  }

  /** The node bound to a variable, if any. */
  public Optional<Node> node(String var) {
    return Optional.ofNullable(values.get(var));
  }

  /** The lexical form of a literal or the IRI of a resource bound to the variable, or null. */
  public String text(String var) {
    Node node = values.get(var);
    if (node == null) {
      return null;
    }
    return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
  }
}
