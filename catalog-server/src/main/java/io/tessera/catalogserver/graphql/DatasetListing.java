package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.tessera.governance.AccessScope;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Loads datasets by IRI through the datasets loader and keeps those the caller may discover. */
final class DatasetListing {
  private DatasetListing() {}

  static CompletableFuture<List<DatasetNode>> load(
      DataFetchingEnvironment env, List<String> iris, Visibility visibility) {
    AccessScope scope = GraphQLRequest.scope(env);
    List<CompletableFuture<DatasetNode>> loads =
        iris.stream()
            .map(
                iri ->
                    CatalogLoaders.dataset(env, iri).thenApply(d -> visibility.dataset(scope, d)))
            .toList();
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> loads.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
  }

  static CompletableFuture<List<JobNode>> jobs(
      DataFetchingEnvironment env, List<String> iris, Visibility visibility) {
    AccessScope scope = GraphQLRequest.scope(env);
    List<CompletableFuture<JobNode>> loads =
        iris.stream()
            .map(iri -> CatalogLoaders.job(env, iri).thenApply(j -> visibility.job(scope, j)))
            .toList();
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> loads.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
  }

  static CompletableFuture<List<RunNode>> runs(
      DataFetchingEnvironment env, List<String> iris, Visibility visibility) {
    AccessScope scope = GraphQLRequest.scope(env);
    List<CompletableFuture<RunNode>> loads =
        iris.stream()
            .map(iri -> CatalogLoaders.run(env, iri).thenApply(r -> visibility.run(scope, r)))
            .toList();
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
        .thenApply(
            v -> loads.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
  }
}
