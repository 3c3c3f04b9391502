package io.tessera.graphstore;

import io.tessera.ontology.IriMinter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The catalog as a DCAT-AP 3.0 document: one {@code dcat:Catalog} (title, description, publisher);
 * each data product a {@code dcat:Dataset} published by its domain (a {@code foaf:Agent} with a
 * {@code foaf:name}); each output port a {@code dcat:Distribution} titled after the port whose
 * {@code dcat:accessURL} is the port's declared endpoint (else the port's IRI in this catalog),
 * and, when the port declares how it is reached, a {@code dcat:DataService} with its {@code
 * dcat:endpointURL}, format and media type. Nodes that DCAT-AP's shapes constrain by class (URLs as
 * {@code rdfs:Resource}, formats, media types, publishers) carry that class.
 */
public final class DcatApMapper {
  static final String FOAF = "http://xmlns.com/foaf/0.1/";
  private static final String IANA = "https://www.iana.org/assignments/media-types/";

  private final IriMinter iris;

  public DcatApMapper(IriMinter iris) {
    this.iris = iris;
  }

  /** What the catalog says of itself. */
  public record CatalogInfo(String title, String description, String publisherName) {}

  /**
   * The DCAT-AP graph of the given products.
   *
   * @param domains the products' domains by name (for the publishers' names)
   * @param modified when the catalog last changed, or null
   */
  public Graph catalog(
      CatalogInfo info, List<Product> products, Map<String, Domain> domains, Instant modified) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("dcat", DCAT.NS);
    m.setNsPrefix("dct", DCTerms.NS);
    m.setNsPrefix("foaf", FOAF);
    Resource catalog =
        m.createResource(iris.base() + "/catalog")
            .addProperty(RDF.type, DCAT.Catalog)
            .addProperty(DCTerms.title, info.title())
            .addProperty(DCTerms.description, info.description())
            .addProperty(
                DCTerms.publisher,
                agent(m, iris.base() + "/catalog/publisher", info.publisherName()));
    if (modified != null) {
      catalog.addLiteral(
          DCTerms.modified, m.createTypedLiteral(modified.toString(), XSDDatatype.XSDdateTime));
    }
    for (Product p : products) {
      Domain domain = domains.get(p.domain());
      Resource dataset =
          m.createResource(iris.product(p.domain(), p.name()))
              .addProperty(RDF.type, DCAT.Dataset)
              .addProperty(DCTerms.title, p.title())
              .addProperty(
                  DCTerms.description, p.description() != null ? p.description() : p.title())
              .addProperty(DCTerms.identifier, p.domain() + "/" + p.name())
              .addProperty(
                  DCTerms.publisher,
                  agent(m, iris.domain(p.domain()), domain == null ? p.domain() : domain.title()));
      p.tags().forEach(tag -> dataset.addProperty(DCAT.keyword, tag));
      catalog.addProperty(DCAT.dataset, dataset);
      for (Port port : p.outputPorts()) {
        distribution(m, catalog, dataset, p, port);
      }
    }
    return m.getGraph();
  }

  private void distribution(Model m, Resource catalog, Resource dataset, Product p, Port port) {
    String portIri = iris.port(p.domain(), p.name(), port.name());
    PortAccess access = port.access();
    Resource dist =
        m.createResource(iris.distribution(portIri))
            .addProperty(RDF.type, DCAT.Distribution)
            .addProperty(DCTerms.title, port.name())
            .addProperty(DCAT.accessURL, url(m, access != null ? location(access) : portIri));
    if (port.description() != null) {
      dist.addProperty(DCTerms.description, port.description());
    }
    dataset.addProperty(DCAT.distribution, dist);
    if (access == null) {
      return;
    }
    Resource service =
        m.createResource(portIri)
            .addProperty(RDF.type, DCAT.DataService)
            .addProperty(DCTerms.title, p.title() + ": " + port.name())
            .addProperty(DCAT.endpointURL, url(m, access.endpoint()))
            .addProperty(DCAT.servesDataset, dataset);
    if (access.documentation() != null) {
      service.addProperty(DCAT.endpointDescription, url(m, access.documentation()));
    }
    dist.addProperty(DCAT.accessService, service);
    catalog.addProperty(DCAT.service, service);
    if (access.format() != null) {
      dist.addProperty(
          DCTerms.format,
          m.createResource(iris.format(access.format()))
              .addProperty(RDF.type, DCTerms.MediaTypeOrExtent)
              .addProperty(RDFS.label, access.format()));
      String media = AccessMapper.MEDIA_TYPES.get(access.format());
      if (media != null) {
        dist.addProperty(
            DCAT.mediaType,
            m.createResource(IANA + media).addProperty(RDF.type, DCTerms.MediaType));
      }
    }
  }

  /** The endpoint with the port's path, if any: where the port's data is. */
  private static String location(PortAccess access) {
    String endpoint = access.endpoint();
    if (access.path() == null) {
      return endpoint;
    }
    String path = access.path().startsWith("/") ? access.path() : "/" + access.path();
    return (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint)
        + path;
  }

  private static Resource agent(Model m, String iri, String name) {
    return m.createResource(iri)
        .addProperty(RDF.type, m.createResource(FOAF + "Agent"))
        .addProperty(m.createProperty(FOAF + "name"), name);
  }

  private static Resource url(Model m, String url) {
    return m.createResource(url).addProperty(RDF.type, RDFS.Resource);
  }
}
