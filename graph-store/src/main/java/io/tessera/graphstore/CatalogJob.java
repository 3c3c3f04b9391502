package io.tessera.graphstore;

import java.util.Set;

/**
 * A job ({@code prov:Plan}) that lineage has observed.
 *
 * @param label its {@code rdfs:label}, or null
 * @param description its {@code dct:description}, or null
 * @param graphs the graphs that describe it
 */
public record CatalogJob(
    String iri,
    String namespace,
    String name,
    String label,
    String description,
    Set<String> graphs) {
  public CatalogJob {
    graphs = Set.copyOf(graphs);
  }
}
