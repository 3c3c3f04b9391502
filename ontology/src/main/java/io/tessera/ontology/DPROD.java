package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Constants for the Data Product Ontology (DPROD), namespace {@value #NS}. */
public final class DPROD {
  /** The DPROD namespace. */
  public static final String NS = "https://ekgf.github.io/dprod/";

  public static final Resource DataProduct = resource("DataProduct");
  public static final Resource DataProductLifecycleStatus = resource("DataProductLifecycleStatus");
  public static final Resource InformationSensitivityClassification =
      resource("InformationSensitivityClassification");
  public static final Resource Protocol = resource("Protocol");
  public static final Resource SecuritySchemaType = resource("SecuritySchemaType");

  public static final Property inputPort = property("inputPort");
  public static final Property outputPort = property("outputPort");
  public static final Property inputDataset = property("inputDataset");
  public static final Property outputDataset = property("outputDataset");
  public static final Property dataProductOwner = property("dataProductOwner");
  public static final Property lifecycleStatus = property("lifecycleStatus");
  public static final Property domain = property("domain");
  public static final Property purpose = property("purpose");
  public static final Property informationSensitivityClassification =
      property("informationSensitivityClassification");
  public static final Property isDistributionOf = property("isDistributionOf");
  public static final Property isAccessServiceOf = property("isAccessServiceOf");
  public static final Property protocol = property("protocol");
  public static final Property securitySchemaType = property("securitySchemaType");

  private DPROD() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
