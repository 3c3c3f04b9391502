package io.tessera.ontology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.rdf.model.Resource;

/** How a port serves its data; the value of the port's {@code dct:type}. */
public enum PortType {
  TABLE(TESS.Table),
  TOPIC(TESS.Topic),
  API(TESS.Api),
  FILE(TESS.File);

  private final Resource resource;

  PortType(Resource resource) {
    this.resource = resource;
  }

  /** The individual in the Tessera vocabulary. */
  public Resource resource() {
    return resource;
  }

  /** The lowercase name used in descriptors and APIs, e.g. {@code table}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Looks a type up by its slug. */
  public static Optional<PortType> fromSlug(String slug) {
    return Arrays.stream(values()).filter(t -> t.slug().equals(slug)).findFirst();
  }

  /** Looks a type up by its IRI. */
  public static Optional<PortType> fromIri(String iri) {
    return Arrays.stream(values()).filter(t -> t.resource.getURI().equals(iri)).findFirst();
  }
}
