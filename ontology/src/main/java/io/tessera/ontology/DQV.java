package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Constants for the W3C Data Quality Vocabulary terms Tessera uses, namespace {@value #NS}. */
public final class DQV {
  /** The DQV namespace. */
  public static final String NS = "http://www.w3.org/ns/dqv#";

  public static final Resource QualityMeasurement = resource("QualityMeasurement");
  public static final Resource Metric = resource("Metric");

  public static final Property computedOn = property("computedOn");
  public static final Property isMeasurementOf = property("isMeasurementOf");
  public static final Property value = property("value");
  public static final Property hasQualityMeasurement = property("hasQualityMeasurement");

  private DQV() {}

  private static Resource resource(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property property(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
