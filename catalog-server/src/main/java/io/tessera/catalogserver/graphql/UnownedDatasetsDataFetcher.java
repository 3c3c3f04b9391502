package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.lineage.ObservationReports;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code Query.unownedDatasets}: observed datasets no product claims, that the caller may see. */
final class UnownedDatasetsDataFetcher
    implements DataFetcher<CompletableFuture<Connection<DatasetNode>>> {
  private final ObservationReports reports;
  private final CatalogReads reads;
  private final Visibility visibility;
  private final GraphQLConfig config;

  UnownedDatasetsDataFetcher(
      ObservationReports reports, CatalogReads reads, Visibility visibility, GraphQLConfig config) {
    this.reports = reports;
    this.reads = reads;
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public CompletableFuture<Connection<DatasetNode>> get(DataFetchingEnvironment env) {
    PageRequest page = PageRequest.of(env, config);
    List<String> iris =
        reads.call(reports::unownedDatasets).stream()
            .map(d -> visibility.datasetIri(d.namespace(), d.name()))
            .toList();
    return DatasetListing.load(env, iris, visibility).thenApply(page::page);
  }
}
