package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.catalogserver.persistence.RevisionRepository;
import jakarta.inject.Singleton;

/**
 * {@code DataProduct}: its domain, ports, bound datasets, revisions, quality and policies; the
 * interest in it and how access to it is requested.
 */
@Singleton
final class DataProductWiring implements TypeWiring {
  private final Visibility visibility;
  private final GraphQLConfig config;
  private final RevisionRepository revisions;
  private final ExchangeService exchange;

  DataProductWiring(
      Visibility visibility,
      GraphQLConfig config,
      RevisionRepository revisions,
      ExchangeService exchange) {
    this.visibility = visibility;
    this.config = config;
    this.revisions = revisions;
    this.exchange = exchange;
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
        .dataFetcher("interest", new ExchangeInterestDataFetcher(exchange))
        .dataFetcher("accessTerms", new ExchangeAccessTermsDataFetcher(exchange))
        .build();
  }
}
