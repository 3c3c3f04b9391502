package io.tessera.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.ontology.IriMinter;
import io.tessera.ontology.TESS;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;

/** Small RDF building blocks shared by the projections. */
final class RdfTerms {
  private static final RDFDatatype JSON =
      TypeMapper.getInstance().getSafeTypeByName(RDF.uri + "JSON");

  private RdfTerms() {}

  /** The dataset node with its OpenLineage identity, in the given graph. */
  static Resource dataset(Model m, IriMinter iris, String namespace, String name) {
    return m.createResource(iris.dataset(namespace, name))
        .addProperty(RDF.type, DCAT.Dataset)
        .addProperty(TESS.olNamespace, namespace)
        .addProperty(TESS.olName, name)
        .addProperty(DCTerms.identifier, namespace + "/" + name);
  }

  /** Replaces every value of a property with one value. */
  static void set(Resource r, Property p, RDFNode value) {
    r.removeAll(p);
    r.addProperty(p, value);
  }

  static Literal time(Model m, OffsetDateTime time) {
    return m.createTypedLiteral(
        time.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString(), XSDDatatype.XSDdateTime);
  }

  static Literal json(Model m, JsonNode value) {
    return m.createTypedLiteral(value.toString(), JSON);
  }

  /** Keeps a facet as received: one node per facet name, replaced when the facet comes again. */
  static void keepFacet(Resource owner, String nodeBase, String name, JsonNode value) {
    Model m = owner.getModel();
    Resource facet = m.createResource(nodeBase + "/facet/" + urlSafe(name));
    facet.removeProperties();
    facet
        .addProperty(RDF.type, TESS.Facet)
        .addProperty(TESS.facetName, name)
        .addLiteral(TESS.facetValue, json(m, value));
    owner.addProperty(TESS.facet, facet);
  }

  /** A short stable hash for minting IRIs from long or odd strings. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String urlSafe(String name) {
    return name.matches("[A-Za-z0-9_.-]{1,80}") ? name : hash(name);
  }
}
