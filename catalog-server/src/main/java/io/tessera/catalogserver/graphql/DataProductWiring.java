package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.catalogserver.persistence.RevisionRepository;
import jakarta.inject.Singleton;

/** {@code DataProduct}: its domain, ports, bound datasets, revisions, quality and policies. */
@Singleton
final class DataProductWiring implements TypeWiring {
  private final Visibility visibility;
  private final GraphQLConfig config;
  private final RevisionRepository revisions;

  DataProductWiring(Visibility visibility, GraphQLConfig config, RevisionRepository revisions) {
    this.visibility = visibility;
    this.config = config;
    this.revisions = revisions;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("DataProduct")
        .dataFetcher(
            "domain",
            new DomainDataFetcher(
                visibility, env -> env.<ProductNode>getSource().product().domain()))
        .dataFetcher("outputPorts", new ProductPortsDataFetcher(true, config))
        .dataFetcher("inputPorts", new ProductPortsDataFetcher(false, config))
        .dataFetcher("boundDatasets", new BoundDatasetsDataFetcher(visibility, config))
        .dataFetcher("revisions", new RevisionsDataFetcher(revisions, config))
        .dataFetcher("quality", new ProductQualityDataFetcher(visibility, config))
        .dataFetcher("policies", new ProductPoliciesDataFetcher())
        .build();
  }
}
