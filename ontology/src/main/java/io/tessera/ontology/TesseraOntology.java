package io.tessera.ontology;

import java.io.IOException;
import java.io.InputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The Tessera ontology as loaded from the classpath: the vocabulary (with its lifecycle and port
 * type individuals) and the SHACL shapes every write is validated against (the corrected DPROD
 * shapes plus Tessera's own).
 */
public final class TesseraOntology {
  /** Classpath location of the vocabulary. */
  public static final String VOCABULARY = "/io/tessera/ontology/tessera.ttl";

  /** Classpath location of the corrected DPROD shapes. */
  public static final String DPROD_SHAPES = "/io/tessera/ontology/dprod-shapes.ttl";

  /** Classpath location of Tessera's own shapes. */
  public static final String TESSERA_SHAPES = "/io/tessera/ontology/tessera-shapes.ttl";

  private final Graph vocabulary;
  private final Graph shapesGraph;
  private final Shapes shapes;

  /** Loads and parses the vocabulary and shapes; fails fast if a resource is missing. */
  public TesseraOntology() {
    this.vocabulary = load(VOCABULARY);
    this.shapesGraph = GraphFactory.createDefaultGraph();
    load(DPROD_SHAPES).find().forEach(shapesGraph::add);
    load(TESSERA_SHAPES).find().forEach(shapesGraph::add);
    this.shapes = Shapes.parse(shapesGraph);
  }

  /**
   * The vocabulary graph. It doubles as reference data when validating: lifecycle statuses and port
   * types are typed here.
   */
  public Graph vocabulary() {
    return vocabulary;
  }

  /** The parsed shapes (DPROD, corrected, and Tessera's). */
  public Shapes shapes() {
    return shapes;
  }

  /** The shapes as a graph. */
  public Graph shapesGraph() {
    return shapesGraph;
  }

  private static Graph load(String resource) {
    Graph graph = GraphFactory.createDefaultGraph();
    try (InputStream in = TesseraOntology.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new OntologyException("missing ontology resource " + resource);
      }
      RDFParser.source(in).lang(Lang.TURTLE).parse(graph);
    } catch (IOException e) {
      throw new OntologyException("cannot read ontology resource " + resource, e);
    }
    return graph;
  }
}
