package io.tessera.graphstore;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetDescription;

/** Read access inside a read (or write) transaction. Everything returned is a copy. */
public interface GraphReader {
  /** A copy of one named graph; empty if it does not exist. */
  Graph graph(String graphIri);

  /** Whether a named graph exists and is not empty. */
  boolean containsGraph(String graphIri);

  /**
   * Matches a triple pattern against the union of all named graphs ({@code null} or {@code
   * Node.ANY} matches anything). Cheaper than SPARQL for one-hop traversal.
   */
  List<Triple> find(Node subject, Node predicate, Node object);

  /**
   * The named graphs that hold a triple matching the pattern ({@code null} or {@code Node.ANY}
   * matches anything), each once. An index lookup, like {@link #find}.
   */
  Set<Node> graphsWith(Node subject, Node predicate, Node object);

  /** Whether the named graph holds a triple matching the pattern. An index lookup. */
  boolean contains(Node graph, Node subject, Node predicate, Node object);

  /**
   * Lookups on the union of all named graphs by the store's term identifiers, which decode only the
   * terms the caller asks for: for walks over thousands of nodes. Valid inside this transaction.
   */
  TermIndex terms();

  /** The names of the named graphs whose IRI starts with the prefix. */
  List<String> graphNames(String prefix);

  /** Runs a SELECT over the union of all named graphs. */
  List<Row> select(Query query, Map<String, Node> bindings);

  /** Runs an ASK over the union of all named graphs. */
  boolean ask(Query query, Map<String, Node> bindings);

  /** Runs a CONSTRUCT over the union of all named graphs. */
  Graph construct(Query query, Map<String, Node> bindings);

  /**
   * Runs a caller's SELECT, ASK, CONSTRUCT or DESCRIBE over a view that holds only the named graphs
   * the scope allows; the view's default graph is their union. FROM / FROM NAMED (or a protocol
   * dataset, which takes precedence) can only pick graphs of the view.
   *
   * @param dataset the SPARQL protocol's {@code default-graph-uri} / {@code named-graph-uri}, or
   *     null
   * @param maxResults at most this many solutions or triples are returned; the result says whether
   *     there were more
   * @throws QueryTimeoutException when the query runs past the store's timeout
   * @throws InvalidQueryException when the query calls a remote SERVICE
   */
  SparqlResult query(Query query, DatasetDescription dataset, ReadScope scope, int maxResults);
}
