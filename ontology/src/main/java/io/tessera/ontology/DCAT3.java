package io.tessera.ontology;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/** The DCAT 3 terms that Jena's {@code DCAT} vocabulary class lacks, namespace {@value #NS}. */
public final class DCAT3 {
  /** The DCAT namespace (unchanged in version 3). */
  public static final String NS = "http://www.w3.org/ns/dcat#";

  public static final Property version = ResourceFactory.createProperty(NS + "version");
  public static final Property previousVersion =
      ResourceFactory.createProperty(NS + "previousVersion");

  private DCAT3() {}
}
