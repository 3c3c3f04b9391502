package io.tessera.searchindex;

/**
 * The dimensions search results can be filtered and counted by; the name is the query parameter.
 */
public enum FacetDimension {
  /** The entity type ({@link EntityType#slug()}). */
  TYPE("type"),
  /** The domain name (slug) the entity belongs to. */
  DOMAIN("domain"),
  /**
   * {@code planned} or {@code physical}: whether lineage has seen a promised dataset produced.
   * Products, ports, columns, datasets and jobs (always physical) carry it.
   */
  STATE("state"),
  /**
   * The declared DPROD lifecycle status ({@code ideation}, {@code design}... {@code retired}) of
   * products, their ports and columns. A filter on {@code planned} or {@code physical} here is read
   * as a {@link #STATE} filter, as it was before the two were separate.
   */
  LIFECYCLE("lifecycle"),
  /** Classification notations such as {@code pii}. */
  CLASSIFICATION("classification"),
  /** Product tags ({@code dcat:keyword}). */
  TAG("tag"),
  /** The owner IRI, e.g. {@code mailto:sales-data@example.com}. */
  OWNER("owner"),
  /** Where the data lives, from the OpenLineage namespace: postgres, kafka, s3, bigquery... */
  PLATFORM("platform"),
  /** A product's evaluated health: {@code healthy}, {@code degraded} or {@code failing}. */
  HEALTH("health");

  private final String parameter;

  FacetDimension(String parameter) {
    this.parameter = parameter;
  }

  /** The query parameter and JSON name, e.g. {@code classification}. */
  public String parameter() {
    return parameter;
  }
}
