package io.tessera.graphstore;

import io.tessera.ontology.Lifecycle;
import java.time.Instant;

/** One line of a product listing. */
public record ProductSummary(
    String domain,
    String name,
    String iri,
    String title,
    String description,
    String owner,
    Lifecycle lifecycle,
    Instant physicalSince) {

  /** Planned until an output port is bound to an observed dataset, physical after. */
  public boolean physical() {
    return physicalSince != null;
  }
}
