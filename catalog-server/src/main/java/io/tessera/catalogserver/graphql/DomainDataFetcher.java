package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A domain by name: {@code Query.domain(name:)}, {@code DataProduct.domain} and {@code
 * Domain.parent}, through the domains loader.
 */
final class DomainDataFetcher implements DataFetcher<CompletableFuture<DomainNode>> {
  private final Visibility visibility;
  private final Function<DataFetchingEnvironment, String> name;

  DomainDataFetcher(Visibility visibility, Function<DataFetchingEnvironment, String> name) {
    this.visibility = visibility;
    this.name = name;
  }

  @Override
  public CompletableFuture<DomainNode> get(DataFetchingEnvironment env) {
    String wanted = name.apply(env);
    if (wanted == null) {
      return CompletableFuture.completedFuture(null);
    }
    return CatalogLoaders.domain(env, wanted)
        .thenApply(d -> visibility.domain(GraphQLRequest.scope(env), d));
  }
}
