package io.tessera.graphstore;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * Index lookups on the union of the named graphs by the store's own term identifiers, for walks
 * that visit thousands of nodes. {@link GraphReader#find} turns every matching quad into four
 * decoded nodes and a triple; a lookup here decodes nothing, and the caller decodes only the terms
 * it shows ({@link #node}). Each lookup answers what the corresponding {@code find} answers, in the
 * same order: the distinct matches in index order.
 *
 * <p>Terms are valid only inside the transaction that returned them.
 */
public interface TermIndex {
  /** A node as the store identifies it; terms of the same node are equal. */
  interface Term {}

  /** A predicate and object of one subject. */
  record Link(Term predicate, Term object) {}

  /** The store's term for a node, or null when the store holds no quad with that node. */
  Term term(Node node);

  /** The node a term stands for. */
  Node node(Term term);

  /**
   * The distinct (predicate, object) pairs of a subject, as {@code find(subject, null, null)}
   * orders them.
   */
  List<Link> links(Term subject);

  /**
   * The links of several subjects, each as {@link #links(Term)} answers. Subjects the store
   * identified together (e.g. the fields of a schema, written in one go) are read with one index
   * scan instead of a lookup each.
   */
  Map<Term, List<Link>> links(Collection<Term> subjects);

  /**
   * The distinct objects of a subject's triples with a predicate, as {@code find(subject,
   * predicate, null)} orders them.
   */
  List<Term> objects(Term subject, Term predicate);

  /**
   * The distinct subjects of triples with a predicate and object, as {@code find(null, predicate,
   * object)} orders them.
   */
  List<Term> subjects(Term predicate, Term object);
}
