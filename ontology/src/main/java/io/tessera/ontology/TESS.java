package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Constants for the Tessera vocabulary ({@code tessera.ttl}), namespace {@value #NS}. */
public final class TESS {
  /** The namespace of the Tessera vocabulary. */
  public static final String NS = "https://w3id.org/tessera/ns#";

  /** The preferred prefix. */
  public static final String PREFIX = "tess";

  public static final Resource Domain = resource("Domain");
  public static final Resource Schema = resource("Schema");
  public static final Resource Field = resource("Field");
  public static final Resource DataContract = resource("DataContract");
  public static final Resource PortType = resource("PortType");
  public static final Resource LifecycleStatusScheme = resource("LifecycleStatusScheme");
  public static final Resource PortTypeScheme = resource("PortTypeScheme");

  public static final Property domainOwner = property("domainOwner");
  public static final Property classification = property("classification");
  public static final Property groups = property("groups");
  public static final Property field = property("field");
  public static final Property dataType = property("dataType");
  public static final Property required = property("required");
  public static final Property ordinal = property("ordinal");
  public static final Property olNamespace = property("olNamespace");
  public static final Property olName = property("olName");
  public static final Property boundDataset = property("boundDataset");
  public static final Property boundAt = property("boundAt");
  public static final Property evidence = property("evidence");
  public static final Property physicalSince = property("physicalSince");
  public static final Property revision = property("revision");
  public static final Property sourceFormat = property("sourceFormat");
  public static final Property externalIdentifier = property("externalIdentifier");

  public static final Resource Ideation = resource("Ideation");
  public static final Resource Design = resource("Design");
  public static final Resource Build = resource("Build");
  public static final Resource Deploy = resource("Deploy");
  public static final Resource Consume = resource("Consume");
  public static final Resource Deprecated = resource("Deprecated");
  public static final Resource Retired = resource("Retired");

  public static final Resource Table = resource("Table");
  public static final Resource Topic = resource("Topic");
  public static final Resource Api = resource("Api");
  public static final Resource File = resource("File");

  private TESS() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
