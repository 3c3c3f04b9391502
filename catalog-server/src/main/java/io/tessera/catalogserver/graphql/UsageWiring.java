package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.catalogserver.usage.ConsumerService;
import io.tessera.catalogserver.usage.TimeToValueService;
import jakarta.inject.Singleton;

/**
 * Consumers and time-to-value: the fields {@code extend type} adds to {@code DataProduct}, {@code
 * Domain} and {@code Query}. One {@link TypeWiring} per extended type; the runtime wiring merges
 * them with the types' own.
 */
final class UsageWiring {
  private UsageWiring() {}

  /** {@code DataProduct.consumers} and {@code DataProduct.timeToValue}. */
  @Singleton
  static final class DataProductUsage implements TypeWiring {
    private final ConsumerService consumers;
    private final TimeToValueService timeToValue;

    DataProductUsage(ConsumerService consumers, TimeToValueService timeToValue) {
      this.consumers = consumers;
      this.timeToValue = timeToValue;
    }

    @Override
    public TypeRuntimeWiring wiring() {
      return TypeRuntimeWiring.newTypeWiring("DataProduct")
          .dataFetcher(
              "consumers",
              env -> {
                ProductNode node = env.getSource();
                return node.readable()
                    ? consumers.consumers(
                        node.product().domain(), node.product().name(), GraphQLRequest.scope(env))
                    : null;
              })
          .dataFetcher(
              "timeToValue",
              env -> {
                ProductNode node = env.getSource();
                return timeToValue.product(node.product().domain(), node.product().name());
              })
          .build();
    }
  }

  /** {@code Domain.timeToValue}. */
  @Singleton
  static final class DomainUsage implements TypeWiring {
    private final TimeToValueService timeToValue;

    DomainUsage(TimeToValueService timeToValue) {
      this.timeToValue = timeToValue;
    }

    @Override
    public TypeRuntimeWiring wiring() {
      return TypeRuntimeWiring.newTypeWiring("Domain")
          .dataFetcher(
              "timeToValue",
              env ->
                  timeToValue.mesh(
                      env.<DomainNode>getSource().domain().name(), GraphQLRequest.scope(env)))
          .build();
    }
  }

  /** {@code Query.timeToValue(domain:)}. */
  @Singleton
  static final class QueryUsage implements TypeWiring {
    private final TimeToValueService timeToValue;

    QueryUsage(TimeToValueService timeToValue) {
      this.timeToValue = timeToValue;
    }

    @Override
    public TypeRuntimeWiring wiring() {
      return TypeRuntimeWiring.newTypeWiring("Query")
          .dataFetcher(
              "timeToValue",
              env -> timeToValue.mesh(env.getArgument("domain"), GraphQLRequest.scope(env)))
          .build();
    }
  }
}
