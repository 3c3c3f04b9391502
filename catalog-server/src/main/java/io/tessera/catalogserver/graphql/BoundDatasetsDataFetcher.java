package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.Port;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@code DataProduct.boundDatasets}: the observed datasets its output ports are bound to. */
final class BoundDatasetsDataFetcher
    implements DataFetcher<CompletableFuture<Connection<DatasetNode>>> {
  private final Visibility visibility;
  private final GraphQLConfig config;

  BoundDatasetsDataFetcher(Visibility visibility, GraphQLConfig config) {
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public CompletableFuture<Connection<DatasetNode>> get(DataFetchingEnvironment env) {
    PageRequest page = PageRequest.of(env, config);
    ProductNode product = env.getSource();
    List<String> iris =
        product.product().outputPorts().stream()
            .map(Port::binding)
            .filter(Objects::nonNull)
            .map(b -> visibility.datasetIri(b.dataset().namespace(), b.dataset().name()))
            .distinct()
            .toList();
    return DatasetListing.load(env, iris, visibility).thenApply(page::page);
  }
}
