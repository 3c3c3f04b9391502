package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.DatasetLinks;
import io.tessera.graphstore.Port;
import io.tessera.graphstore.QualityMeasurement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code DataProduct.quality}: the latest quality measurements of the datasets its output ports are
 * bound to (none when the caller may not read the product).
 */
final class ProductQualityDataFetcher
    implements DataFetcher<CompletableFuture<Connection<QualityMeasurement>>> {
  private final Visibility visibility;
  private final GraphQLConfig config;

  ProductQualityDataFetcher(Visibility visibility, GraphQLConfig config) {
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public CompletableFuture<Connection<QualityMeasurement>> get(DataFetchingEnvironment env) {
    PageRequest page = PageRequest.of(env, config);
    ProductNode product = env.getSource();
    if (!product.readable()) {
      return CompletableFuture.completedFuture(page.page(List.of()));
    }
    List<CompletableFuture<DatasetLinks>> loads =
        product.product().outputPorts().stream()
            .map(Port::binding)
            .filter(Objects::nonNull)
            .map(b -> visibility.datasetIri(b.dataset().namespace(), b.dataset().name()))
            .distinct()
            .map(iri -> CatalogLoaders.links(env, iri))
            .toList();
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
        .thenApply(
            v ->
                page.page(
                    loads.stream()
                        .map(CompletableFuture::join)
                        .flatMap(l -> l.quality().stream())
                        .toList()));
  }
}
