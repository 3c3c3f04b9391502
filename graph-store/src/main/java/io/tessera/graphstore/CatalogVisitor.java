package io.tessera.graphstore;

/**
 * Receives every entity of the catalog from {@link CatalogEntities#readAll}, inside one read
 * transaction. Implementations must not call back into the store.
 */
public interface CatalogVisitor {
  /** Called first, with the number of entities that follow. */
  void start(int entities);

  void domain(Domain domain);

  void product(Product product);

  void dataset(CatalogDataset dataset);

  void job(CatalogJob job);

  void term(CatalogTerm term);
}
