package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;

/** {@code Job}: the datasets it reads and writes, and its runs. */
@Singleton
final class JobWiring implements TypeWiring {
  private final Visibility visibility;
  private final GraphQLConfig config;

  JobWiring(Visibility visibility, GraphQLConfig config) {
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Job")
        .dataFetcher("inputs", link(JobLinksDataFetcher.Link.INPUTS))
        .dataFetcher("outputs", link(JobLinksDataFetcher.Link.OUTPUTS))
        .dataFetcher("runs", link(JobLinksDataFetcher.Link.RUNS))
        .build();
  }

  private JobLinksDataFetcher link(JobLinksDataFetcher.Link link) {
    return new JobLinksDataFetcher(link, visibility, config);
  }
}
