package io.tessera.graphstore;

import io.tessera.ontology.DPROD;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TESS;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Maps a port's {@link PortAccess} onto the port ({@code dcat:DataService}) and its distribution
 * and back: {@code dcat:endpointURL} and {@code dcat:accessURL}, {@code dprod:protocol}, {@code
 * dct:format} and {@code dcat:mediaType}, {@code dcat:endpointDescription}, and {@code tess:host},
 * {@code tess:portNumber}, {@code tess:database}, {@code tess:topic}, {@code tess:path} for what no
 * standard term covers.
 */
final class AccessMapper {
  /**
   * The class DPROD's published shapes require of a {@code dprod:protocol} value. DPROD's ontology
   * names the class {@code dprod:Protocol}; the published shapes say {@code dcat:Protocol}, which
   * DCAT does not define. A protocol is typed with both, so a product validates against both.
   */
  static final Resource PUBLISHED_SHAPES_PROTOCOL =
      ResourceFactory.createResource(DCAT.NS + "Protocol");

  /** The IANA media types of the formats that have one. */
  static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "json", "application/json",
          "csv", "text/csv",
          "parquet", "application/vnd.apache.parquet",
          "xml", "application/xml",
          "avro", "application/avro");

  private static final String IANA = "https://www.iana.org/assignments/media-types/";

  private AccessMapper() {}

  static void write(Resource port, Resource distribution, PortAccess access, IriMinter iris) {
    Model m = port.getModel();
    Resource endpoint = m.createResource(access.endpoint());
    port.addProperty(DCAT.endpointURL, endpoint);
    distribution.addProperty(DCAT.accessURL, endpoint);
    port.addProperty(
        DPROD.protocol,
        m.createResource(iris.protocol(access.protocol()))
            .addProperty(RDF.type, DPROD.Protocol)
            .addProperty(RDF.type, PUBLISHED_SHAPES_PROTOCOL)
            .addProperty(RDFS.label, access.protocol()));
    if (access.format() != null) {
      distribution.addProperty(
          DCTerms.format,
          m.createResource(iris.format(access.format()))
              .addProperty(RDF.type, DCTerms.MediaTypeOrExtent)
              .addProperty(RDFS.label, access.format()));
      String media = MEDIA_TYPES.get(access.format());
      if (media != null) {
        distribution.addProperty(DCAT.mediaType, m.createResource(IANA + media));
      }
    }
    if (access.documentation() != null) {
      port.addProperty(DCAT.endpointDescription, m.createResource(access.documentation()));
    }
    literal(port, TESS.host, access.host());
    if (access.port() != null) {
      port.addLiteral(TESS.portNumber, m.createTypedLiteral(access.port(), XSDDatatype.XSDinteger));
    }
    literal(port, TESS.database, access.database());
    literal(port, TESS.topic, access.topic());
    literal(port, TESS.path, access.path());
  }

  static PortAccess read(Resource port) {
    Resource protocol = port.getPropertyResourceValue(DPROD.protocol);
    Resource endpoint = port.getPropertyResourceValue(DCAT.endpointURL);
    if (protocol == null || endpoint == null) {
      return null;
    }
    String host = ProductMapper.string(port, TESS.host);
    Resource dist = port.getPropertyResourceValue(DPROD.isAccessServiceOf);
    Resource format = dist == null ? null : dist.getPropertyResourceValue(DCTerms.format);
    Resource documentation = port.getPropertyResourceValue(DCAT.endpointDescription);
    Statement portNumber = port.getProperty(TESS.portNumber);
    return new PortAccess(
        ProductMapper.string(protocol, RDFS.label),
        host == null ? endpoint.getURI() : null,
        host,
        portNumber == null ? null : portNumber.getInt(),
        ProductMapper.string(port, TESS.database),
        format == null ? null : ProductMapper.string(format, RDFS.label),
        ProductMapper.string(port, TESS.topic),
        ProductMapper.string(port, TESS.path),
        documentation == null ? null : documentation.getURI());
  }

  private static void literal(Resource r, Property p, String value) {
    if (value != null) {
      r.addProperty(p, value);
    }
  }
}
