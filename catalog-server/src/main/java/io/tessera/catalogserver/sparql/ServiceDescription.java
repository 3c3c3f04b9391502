package io.tessera.catalogserver.sparql;

import io.tessera.graphstore.ResultFormat;
import io.tessera.ontology.SD;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of {@code /sparql}, answered to a {@code GET} without a query:
 * an {@code sd:Service} at its endpoint, SPARQL 1.1 Query only (updates are refused), every result
 * format the endpoint negotiates, and its default dataset, whose default graph is the union of the
 * named graphs the caller may read ({@code sd:UnionDefaultGraph}). It says nothing about the
 * catalog's content, so it is the same for every caller. Built with Jena's model API.
 */
public final class ServiceDescription {
  private ServiceDescription() {}

  /**
   * The description of the endpoint at {@code endpoint}.
   *
   * @param endpoint the endpoint's absolute http(s) IRI as the caller reached it, or null
   * @param fallback the endpoint's IRI when {@code endpoint} is missing or not a plain http(s) IRI
   */
  public static Graph of(String endpoint, String fallback) {
    Model model = ModelFactory.createDefaultModel();
    model.setNsPrefix("sd", SD.NS);
    model.setNsPrefix("formats", SD.FORMATS);
    model.setNsPrefix("dcterms", DCTerms.NS);
    Resource service =
        model
            .createResource()
            .addProperty(RDF.type, SD.Service)
            .addProperty(
                SD.endpoint, model.createResource(plainHttp(endpoint) ? endpoint : fallback))
            .addProperty(SD.supportedLanguage, SD.SPARQL11Query)
            .addProperty(SD.feature, SD.UnionDefaultGraph)
            .addProperty(DCTerms.title, "Tessera catalog SPARQL endpoint")
            .addProperty(
                DCTerms.description,
                "Read-only SPARQL 1.1 Protocol over the catalog graphs the caller may read: the"
                    + " default graph is their union; updates are refused.");
    for (ResultFormat format : ResultFormat.values()) {
      service.addProperty(SD.resultFormat, SD.format(formatName(format)));
    }
    Resource dataset =
        model
            .createResource()
            .addProperty(RDF.type, SD.Dataset)
            .addProperty(
                SD.defaultGraph,
                model
                    .createResource()
                    .addProperty(RDF.type, SD.Graph)
                    .addProperty(
                        DCTerms.description,
                        "The union of the named graphs the caller may read (an admin: all)."));
    service.addProperty(SD.defaultDataset, dataset);
    return model.getGraph();
  }

  /** The local name of the format's W3C IRI ({@code http://www.w3.org/ns/formats/}). */
  static String formatName(ResultFormat format) {
    return switch (format) {
      case SPARQL_JSON -> "SPARQL_Results_JSON";
      case SPARQL_XML -> "SPARQL_Results_XML";
      case CSV -> "SPARQL_Results_CSV";
      case TSV -> "SPARQL_Results_TSV";
      case TURTLE -> "Turtle";
      case NTRIPLES -> "N-Triples";
      case JSONLD -> "JSON-LD";
      case RDFXML -> "RDF_XML";
      case TRIG -> "TriG";
      case NQUADS -> "N-Quads";
    };
  }

  private static boolean plainHttp(String iri) {
    if (iri == null) {
      return false;
    }
    try {
      URI uri = new URI(iri);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null
          && uri.getRawUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
