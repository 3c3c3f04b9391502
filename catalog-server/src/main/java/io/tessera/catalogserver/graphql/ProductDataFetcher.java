package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.ProductKey;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A data product by key: {@code Query.product(domain:, name:)}, {@code Port.product}, {@code
 * Dataset.product}, through the products loader; null when it does not exist or is hidden.
 */
final class ProductDataFetcher implements DataFetcher<CompletableFuture<ProductNode>> {
  private final Visibility visibility;
  private final Function<DataFetchingEnvironment, ProductKey> key;

  ProductDataFetcher(Visibility visibility, Function<DataFetchingEnvironment, ProductKey> key) {
    this.visibility = visibility;
    this.key = key;
  }

  @Override
  public CompletableFuture<ProductNode> get(DataFetchingEnvironment env) {
    ProductKey wanted = key.apply(env);
    if (wanted == null) {
      return CompletableFuture.completedFuture(null);
    }
    return CatalogLoaders.product(env, wanted)
        .thenApply(p -> visibility.product(GraphQLRequest.scope(env), p));
  }
}
