package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.ProductKey;
import io.tessera.ontology.IriMinter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * {@code SearchHit.entity}: the domain, product or dataset a hit is about, through the loaders;
 * null for other kinds of hit.
 */
final class SearchHitEntityDataFetcher implements DataFetcher<CompletableFuture<Object>> {
  private final Visibility visibility;
  private final IriMinter iris;

  SearchHitEntityDataFetcher(Visibility visibility, IriMinter iris) {
    this.visibility = visibility;
    this.iris = iris;
  }

  @Override
  public CompletableFuture<Object> get(DataFetchingEnvironment env) {
    SearchDataFetcher.HitView hit = env.getSource();
    String product = prefix(iris.product("x", "y"), "x/y");
    String domain = prefix(iris.domain("x"), "x");
    String dataset = prefix(iris.dataset("x", "y"), "x/y");
    var scope = GraphQLRequest.scope(env);
    return switch (hit.type()) {
      case "product" ->
          hit.iri().startsWith(product)
              ? CatalogLoaders.product(env, ProductKey.parse(hit.iri().substring(product.length())))
                  .thenApply(p -> (Object) visibility.product(scope, p))
              : CompletableFuture.completedFuture(null);
      case "domain" ->
          hit.iri().startsWith(domain)
              ? CatalogLoaders.domain(
                      env,
                      URLDecoder.decode(
                          hit.iri().substring(domain.length()), StandardCharsets.UTF_8))
                  .thenApply(d -> (Object) visibility.domain(scope, d))
              : CompletableFuture.completedFuture(null);
      case "dataset" ->
          hit.iri().startsWith(dataset)
              ? CatalogLoaders.dataset(env, hit.iri())
                  .thenApply(d -> (Object) visibility.dataset(scope, d))
              : CompletableFuture.completedFuture(null);
      default -> CompletableFuture.completedFuture(null);
    };
  }

  private static String prefix(String iri, String suffix) {
    return iri.substring(0, iri.length() - suffix.length());
  }
}
