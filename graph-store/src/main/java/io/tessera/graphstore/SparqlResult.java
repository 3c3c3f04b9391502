package io.tessera.graphstore;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The answer to a caller's SPARQL query, copied out of the read transaction. SELECT and
 * CONSTRUCT/DESCRIBE answers stop at the result limit and say so with {@code truncated}.
 */
public sealed interface SparqlResult {

  /** A SELECT answer: the projected variables and at most the limit of solutions. */
  record Solutions(List<Var> vars, List<Binding> rows, boolean truncated) implements SparqlResult {
    public Solutions {
      vars = List.copyOf(vars);
      rows = List.copyOf(rows);
    }

    /** The solutions as a Jena row set, for the standard result writers. */
    public RowSet rowSet() {
      return RowSetStream.create(vars, rows.iterator());
    }
  }

  /** An ASK answer. */
  record Answer(boolean value) implements SparqlResult {}

  /** A CONSTRUCT or DESCRIBE answer: at most the limit of triples. */
  record Triples(Graph graph, boolean truncated) implements SparqlResult {}
}
