package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A dataset by IRI: {@code Query.dataset(namespace:, name:)} and {@code Port.dataset}, through the
 * datasets loader; null when unknown, hidden, or (for a port) when the caller may not read the
 * product.
 */
final class DatasetDataFetcher implements DataFetcher<CompletableFuture<DatasetNode>> {
  private final Visibility visibility;
  private final Function<DataFetchingEnvironment, String> iri;

  DatasetDataFetcher(Visibility visibility, Function<DataFetchingEnvironment, String> iri) {
    this.visibility = visibility;
    this.iri = iri;
  }

  @Override
  public CompletableFuture<DatasetNode> get(DataFetchingEnvironment env) {
    String wanted = iri.apply(env);
    if (wanted == null) {
      return CompletableFuture.completedFuture(null);
    }
    return CatalogLoaders.dataset(env, wanted)
        .thenApply(d -> visibility.dataset(GraphQLRequest.scope(env), d));
  }
}
