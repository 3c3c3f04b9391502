package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.CatalogDataset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Dataset.fields}: the current observed schema, else the promised one; null when the caller
 * may not read the dataset.
 */
final class DatasetFieldsDataFetcher
    implements DataFetcher<CompletableFuture<Connection<FieldNode>>> {
  private final GraphQLConfig config;

  DatasetFieldsDataFetcher(GraphQLConfig config) {
    this.config = config;
  }

  @Override
  public CompletableFuture<Connection<FieldNode>> get(DataFetchingEnvironment env) {
    DatasetNode dataset = env.getSource();
    if (!dataset.readable()) {
      return CompletableFuture.completedFuture(null);
    }
    PageRequest page = PageRequest.of(env, config);
    return dataset
        .details(env)
        .thenApply(d -> d == null ? page.page(List.of()) : page(page, dataset, d));
  }

  private static Connection<FieldNode> page(
      PageRequest page, DatasetNode dataset, CatalogDataset d) {
    List<CatalogDataset.Column> columns =
        d.observedColumns().isEmpty() ? d.promisedColumns() : d.observedColumns();
    return page.page(
        columns.stream()
            .map(
                c ->
                    new FieldNode(
                        dataset.iri(),
                        c.name(),
                        c.dataType(),
                        false,
                        c.description(),
                        c.classification()))
            .toList());
  }
}
