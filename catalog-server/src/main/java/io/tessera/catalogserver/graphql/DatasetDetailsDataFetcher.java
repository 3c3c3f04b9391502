package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.CatalogDataset;
import java.util.concurrent.CompletableFuture;

/**
 * {@code Dataset.description} and {@code Dataset.physical}: details that need the dataset as the
 * catalog knows it, loaded through the datasets loader when the node holds its identity only.
 */
final class DatasetDetailsDataFetcher implements DataFetcher<CompletableFuture<Object>> {
  private final boolean physical;

  DatasetDetailsDataFetcher(boolean physical) {
    this.physical = physical;
  }

  @Override
  public CompletableFuture<Object> get(DataFetchingEnvironment env) {
    DatasetNode node = env.getSource();
    if (physical) {
      return node.physical(env).thenApply(p -> p);
    }
    return node.details(env).thenApply(DatasetDetailsDataFetcher::description);
  }

  private static Object description(CatalogDataset d) {
    return d == null || d.descriptions().isEmpty() ? null : d.descriptions().getFirst();
  }
}
