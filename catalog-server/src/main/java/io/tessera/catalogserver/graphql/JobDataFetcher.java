package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A job by IRI: {@code Query.job(namespace:, name:)} and {@code Run.job}, through the jobs loader.
 */
final class JobDataFetcher implements DataFetcher<CompletableFuture<JobNode>> {
  private final Visibility visibility;
  private final Function<DataFetchingEnvironment, String> iri;

  JobDataFetcher(Visibility visibility, Function<DataFetchingEnvironment, String> iri) {
    this.visibility = visibility;
    this.iri = iri;
  }

  @Override
  public CompletableFuture<JobNode> get(DataFetchingEnvironment env) {
    String wanted = iri.apply(env);
    if (wanted == null) {
      return CompletableFuture.completedFuture(null);
    }
    return CatalogLoaders.job(env, wanted)
        .thenApply(j -> visibility.job(GraphQLRequest.scope(env), j));
  }
}
