package io.tessera.ontology;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.rdf.model.Resource;

/**
 * The lifecycle statuses a data product declares: DPROD's five (ideation, design, build, deploy,
 * consume) plus Tessera's deprecated and retired. Each is a {@code tess:} individual typed {@code
 * dprod:DataProductLifecycleStatus} and mapped to DPROD's IRIs with {@code skos:exactMatch}.
 */
public enum Lifecycle {
  IDEATION(TESS.Ideation),
  DESIGN(TESS.Design),
  BUILD(TESS.Build),
  DEPLOY(TESS.Deploy),
  CONSUME(TESS.Consume),
  DEPRECATED(TESS.Deprecated),
  RETIRED(TESS.Retired);

  private final Resource resource;

  Lifecycle(Resource resource) {
    this.resource = resource;
  }

  /** The individual in the Tessera vocabulary. */
  public Resource resource() {
    return resource;
  }

  /** The lowercase name used in descriptors and APIs, e.g. {@code design}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Looks a status up by its slug. */
  public static Optional<Lifecycle> fromSlug(String slug) {
    return Arrays.stream(values()).filter(l -> l.slug().equals(slug)).findFirst();
  }

  /** Looks a status up by its IRI. */
  public static Optional<Lifecycle> fromIri(String iri) {
    return Arrays.stream(values()).filter(l -> l.resource.getURI().equals(iri)).findFirst();
  }
}
