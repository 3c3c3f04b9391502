package io.tessera.governance;

import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TESS;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;

/**
 * A product's RDF as a caller who may discover it but not read it sees it: the product and its
 * ports, without datasets, contracts, schemas, fields or bindings.
 */
public class ProductRedaction {
  private final IriMinter iris;

  public ProductRedaction(IriMinter iris) {
    this.iris = iris;
  }

  /** The product and its ports out of a product's graph, leaving every detail out. */
  public Graph outline(Graph graph) {
    Graph out = GraphFactory.createDefaultGraph();
    graph
        .find()
        .forEachRemaining(
            t -> {
              if (!detail(t.getSubject())
                  && !detail(t.getObject())
                  && !t.getPredicate().getURI().startsWith(TESS.NS + "bound")
                  && !t.getPredicate().equals(TESS.evidence.asNode())
                  && !t.getPredicate().equals(DCTerms.conformsTo.asNode())) {
                out.add(t);
              }
            });
    return out;
  }

  private boolean detail(Node node) {
    if (!node.isURI()) {
      return false;
    }
    String iri = node.getURI();
    return iri.startsWith(iris.base() + "/dataset/")
        || iri.startsWith(iris.base() + "/contract/")
        || iri.endsWith("/schema")
        || iri.contains("/schema/field/");
  }
}
