package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.CatalogDataset;

/**
 * A {@code Dataset} as GraphQL shows it.
 *
 * @param readable whether the caller may see its columns
 */
record DatasetNode(CatalogDataset dataset, boolean readable) {
  public String id() {
    return GlobalId.of("Dataset", dataset.ref().namespace(), dataset.ref().name());
  }

  public String iri() {
    return dataset.iri();
  }

  public String namespace() {
    return dataset.ref().namespace();
  }

  public String name() {
    return dataset.ref().name();
  }

  public String description() {
    return dataset.descriptions().isEmpty() ? null : dataset.descriptions().getFirst();
  }

  public boolean physical() {
    return dataset.physical();
  }
}
