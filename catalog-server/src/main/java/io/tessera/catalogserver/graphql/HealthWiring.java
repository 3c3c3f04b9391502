package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.catalogserver.health.IncidentService;
import jakarta.inject.Singleton;

/**
 * Health, incidents and schema changes: the fields {@code extend type} adds to {@code DataProduct}
 * and {@code Query}.
 */
final class HealthWiring {
  private HealthWiring() {}

  /**
   * {@code DataProduct.health}, {@code DataProduct.incidents}, {@code DataProduct.schemaChanges}.
   */
  @Singleton
  static final class DataProductHealth implements TypeWiring {
    private final IncidentService service;

    DataProductHealth(IncidentService service) {
      this.service = service;
    }

    @Override
    public TypeRuntimeWiring wiring() {
      return TypeRuntimeWiring.newTypeWiring("DataProduct")
          .dataFetcher(
              "health",
              env -> {
                ProductNode node = env.getSource();
                return service.health(
                    node.product().domain(), node.product().name(), GraphQLRequest.scope(env));
              })
          .dataFetcher(
              "incidents",
              env -> {
                ProductNode node = env.getSource();
                return service.list(
                    node.product().domain() + "/" + node.product().name(),
                    null,
                    env.getArgument("state"),
                    GraphQLRequest.scope(env));
              })
          .dataFetcher(
              "schemaChanges",
              env -> {
                ProductNode node = env.getSource();
                return node.readable()
                    ? service.schemaChanges(
                        node.product().domain(), node.product().name(), GraphQLRequest.scope(env))
                    : null;
              })
          .build();
    }
  }

  /** {@code Query.incidents(product:, domain:, state:)}. */
  @Singleton
  static final class QueryHealth implements TypeWiring {
    private final IncidentService service;

    QueryHealth(IncidentService service) {
      this.service = service;
    }

    @Override
    public TypeRuntimeWiring wiring() {
      return TypeRuntimeWiring.newTypeWiring("Query")
          .dataFetcher(
              "incidents",
              env ->
                  service.list(
                      env.getArgument("product"),
                      env.getArgument("domain"),
                      env.getArgument("state"),
                      GraphQLRequest.scope(env)))
          .build();
    }
  }
}
