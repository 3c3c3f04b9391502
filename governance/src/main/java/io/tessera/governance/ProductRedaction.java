package io.tessera.governance;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TESS;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;

/**
 * A product's RDF as a caller who may discover it but not read it sees it: the product and its
 * ports, without datasets, contracts, schemas, fields, bindings or how to reach them.
 */
public class ProductRedaction {
  /** The predicates that say how a port is reached: a detail too. */
  private static final Set<Node> ACCESS =
      Set.of(
          DCAT.endpointURL.asNode(),
          DCAT.accessURL.asNode(),
          DCAT.endpointDescription.asNode(),
          DCAT.mediaType.asNode(),
          DCTerms.format.asNode(),
          DPROD.protocol.asNode(),
          TESS.host.asNode(),
          TESS.portNumber.asNode(),
          TESS.database.asNode(),
          TESS.topic.asNode(),
          TESS.path.asNode());

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
                  && !t.getPredicate().equals(DCTerms.conformsTo.asNode())
                  && !ACCESS.contains(t.getPredicate())) {
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
        || iri.contains("/schema/field/")
        || iri.startsWith(iris.base() + "/protocol/")
        || iri.startsWith(iris.base() + "/format/");
  }
}
