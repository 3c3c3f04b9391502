package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A run by IRI: {@code Port.boundBy}, {@code SchemaVersion.run}, {@code QualityMeasurement.run},
 * through the runs loader.
 */
final class RunDataFetcher implements DataFetcher<CompletableFuture<RunNode>> {
  private final Visibility visibility;
  private final Function<DataFetchingEnvironment, String> iri;

  RunDataFetcher(Visibility visibility, Function<DataFetchingEnvironment, String> iri) {
    this.visibility = visibility;
    this.iri = iri;
  }

  @Override
  public CompletableFuture<RunNode> get(DataFetchingEnvironment env) {
    String wanted = iri.apply(env);
    if (wanted == null) {
      return CompletableFuture.completedFuture(null);
    }
    return CatalogLoaders.run(env, wanted)
        .thenApply(r -> visibility.run(GraphQLRequest.scope(env), r));
  }
}
