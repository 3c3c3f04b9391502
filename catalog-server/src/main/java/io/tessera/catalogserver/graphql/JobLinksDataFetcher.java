package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;

/** {@code Job.inputs}, {@code Job.outputs} (datasets) and {@code Job.runs}, through the loaders. */
final class JobLinksDataFetcher implements DataFetcher<CompletableFuture<Connection<?>>> {
  /** Which of the links a field shows. */
  enum Link {
    INPUTS,
    OUTPUTS,
    RUNS
  }

  private final Link link;
  private final Visibility visibility;
  private final GraphQLConfig config;

  JobLinksDataFetcher(Link link, Visibility visibility, GraphQLConfig config) {
    this.link = link;
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public CompletableFuture<Connection<?>> get(DataFetchingEnvironment env) {
    PageRequest page = PageRequest.of(env, config);
    JobNode job = env.getSource();
    return switch (link) {
      case INPUTS -> DatasetListing.load(env, job.inputs(), visibility).thenApply(page::page);
      case OUTPUTS -> DatasetListing.load(env, job.outputs(), visibility).thenApply(page::page);
      case RUNS -> DatasetListing.runs(env, job.runs(), visibility).thenApply(page::page);
    };
  }
}
