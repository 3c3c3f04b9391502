package io.tessera.graphstore;

import java.util.List;
import java.util.Set;

/**
 * A dataset as the catalog knows it, merged from every named graph that mentions it: the
 * OpenLineage identity, what lineage observed (description, current schema) and which products
 * promise, group or are bound to it.
 *
 * @param iri the dataset IRI ({@code {base}/dataset/{ns}/{name}})
 * @param ref the OpenLineage namespace and name
 * @param descriptions the descriptions found for it, in graph order
 * @param observedColumns the columns of its current observed schema ({@code dct:conformsTo})
 * @param promisedColumns the columns output ports promise for it
 * @param producers the products that output, group or are bound to it
 * @param symlinks the other identities lineage reported for it (OpenLineage symlinks, e.g. the
 *     table name of a storage path)
 * @param physical whether it has been observed: a port is bound to it, or a graph that is not a
 *     product's declared graph mentions it (lineage)
 * @param contentGraphs the graphs its description, columns and producers were read from; a caller
 *     must be allowed all of them to see the dataset
 * @param mentionGraphs every graph that mentions it; a caller must be allowed at least one
 */
public record CatalogDataset(
    String iri,
    DatasetRef ref,
    List<String> descriptions,
    List<Column> observedColumns,
    List<Column> promisedColumns,
    List<Producer> producers,
    List<DatasetRef> symlinks,
    boolean physical,
    Set<String> contentGraphs,
    Set<String> mentionGraphs) {
  public CatalogDataset {
    descriptions = List.copyOf(descriptions);
    observedColumns = List.copyOf(observedColumns);
    promisedColumns = List.copyOf(promisedColumns);
    producers = List.copyOf(producers);
    symlinks = List.copyOf(symlinks);
    contentGraphs = Set.copyOf(contentGraphs);
    mentionGraphs = Set.copyOf(mentionGraphs);
  }

  /** One column of a schema, with its IRI. */
  public record Column(
      String iri, String name, String dataType, String description, List<String> classification) {
    public Column {
      classification = List.copyOf(classification);
    }
  }

  /**
   * A product that outputs, groups or is bound to the dataset.
   *
   * @param key the product's {@code domain/name}
   */
  public record Producer(String productIri, String key, String title, String owner) {
    /** The product's domain name. */
    public String domain() {
      return key.substring(0, key.indexOf('/'));
    }
  }
}
