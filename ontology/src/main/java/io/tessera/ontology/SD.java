package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Constants for the SPARQL 1.1 Service Description terms the SPARQL endpoint describes itself with,
 * namespace {@value #NS}; and the W3C format IRIs ({@value #FORMATS}) its result formats are named
 * by.
 */
public final class SD {
  /** The Service Description namespace. */
  public static final String NS = "http://www.w3.org/ns/sparql-service-description#";

  /** The W3C namespace of unique IRIs for file formats. */
  public static final String FORMATS = "http://www.w3.org/ns/formats/";

  public static final Resource Service = resource("Service");
  public static final Resource Dataset = resource("Dataset");
  public static final Resource Graph = resource("Graph");
  public static final Resource SPARQL11Query = resource("SPARQL11Query");
  public static final Resource UnionDefaultGraph = resource("UnionDefaultGraph");

  public static final Property endpoint = property("endpoint");
  public static final Property supportedLanguage = property("supportedLanguage");
  public static final Property resultFormat = property("resultFormat");
  public static final Property feature = property("feature");
  public static final Property defaultDataset = property("defaultDataset");
  public static final Property defaultGraph = property("defaultGraph");

  private SD() {}

  /** The W3C format IRI with this local name, e.g. {@code Turtle}, {@code SPARQL_Results_JSON}. */
  public static Resource format(String local) {
    return ResourceFactory.createResource(FORMATS + local);
  }

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
