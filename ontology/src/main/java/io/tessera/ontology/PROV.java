package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Constants for the W3C PROV-O terms Tessera uses, namespace {@value #NS}. */
public final class PROV {
  /** The PROV namespace. */
  public static final String NS = "http://www.w3.org/ns/prov#";

  public static final Resource Agent = resource("Agent");
  public static final Resource Entity = resource("Entity");
  public static final Resource Activity = resource("Activity");
  public static final Resource Plan = resource("Plan");
  public static final Resource SoftwareAgent = resource("SoftwareAgent");

  public static final Resource Derivation = resource("Derivation");

  public static final Property used = property("used");
  public static final Property qualifiedDerivation = property("qualifiedDerivation");
  public static final Property entity = property("entity");
  public static final Property wasInvalidatedBy = property("wasInvalidatedBy");
  public static final Property wasRevisionOf = property("wasRevisionOf");
  public static final Property alternateOf = property("alternateOf");
  public static final Property generatedAtTime = property("generatedAtTime");
  public static final Property generated = property("generated");
  public static final Property wasGeneratedBy = property("wasGeneratedBy");
  public static final Property wasDerivedFrom = property("wasDerivedFrom");
  public static final Property wasAttributedTo = property("wasAttributedTo");
  public static final Property startedAtTime = property("startedAtTime");
  public static final Property endedAtTime = property("endedAtTime");

  private PROV() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
