package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.ProductKey;
import java.util.concurrent.CompletableFuture;

/** {@code Dataset.product}: the product that outputs or is bound to the dataset, if visible. */
final class DatasetProductDataFetcher implements DataFetcher<CompletableFuture<ProductNode>> {
  private final Visibility visibility;

  DatasetProductDataFetcher(Visibility visibility) {
    this.visibility = visibility;
  }

  @Override
  public CompletableFuture<ProductNode> get(DataFetchingEnvironment env) {
    DatasetNode node = env.getSource();
    return node.details(env)
        .thenCompose(
            d -> {
              if (d == null || d.producers().isEmpty()) {
                return CompletableFuture.completedFuture(null);
              }
              return CatalogLoaders.product(env, ProductKey.parse(d.producers().getFirst().key()))
                  .thenApply(p -> visibility.product(GraphQLRequest.scope(env), p));
            });
  }
}
