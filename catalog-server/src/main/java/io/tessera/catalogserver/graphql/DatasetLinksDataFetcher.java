package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What lineage knows around a dataset, through the dataset-links loader: {@code
 * Dataset.producedBy}, {@code Dataset.consumedBy} (jobs), {@code Dataset.versions} and {@code
 * Dataset.quality} (withheld when the caller may not read the dataset).
 */
final class DatasetLinksDataFetcher implements DataFetcher<CompletableFuture<Connection<?>>> {
  /** Which of the links a field shows. */
  enum Link {
    PRODUCED_BY,
    CONSUMED_BY,
    VERSIONS,
    QUALITY
  }

  private final Link link;
  private final Visibility visibility;
  private final GraphQLConfig config;

  DatasetLinksDataFetcher(Link link, Visibility visibility, GraphQLConfig config) {
    this.link = link;
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public CompletableFuture<Connection<?>> get(DataFetchingEnvironment env) {
    PageRequest page = PageRequest.of(env, config);
    DatasetNode dataset = env.getSource();
    return CatalogLoaders.links(env, dataset.iri())
        .thenCompose(
            links ->
                switch (link) {
                  case PRODUCED_BY ->
                      DatasetListing.jobs(env, links.producedBy(), visibility)
                          .thenApply(page::page);
                  case CONSUMED_BY ->
                      DatasetListing.jobs(env, links.consumedBy(), visibility)
                          .thenApply(page::page);
                  case VERSIONS ->
                      CompletableFuture.completedFuture(
                          page.page(dataset.readable() ? links.versions() : List.of()));
                  case QUALITY ->
                      CompletableFuture.completedFuture(
                          page.page(dataset.readable() ? links.quality() : List.of()));
                });
  }
}
