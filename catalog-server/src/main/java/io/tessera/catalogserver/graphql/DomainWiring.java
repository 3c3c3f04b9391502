package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;

/** {@code Domain}: its parent and its products. */
@Singleton
final class DomainWiring implements TypeWiring {
  private final CatalogReads reads;
  private final Visibility visibility;
  private final GraphQLConfig config;

  DomainWiring(CatalogReads reads, Visibility visibility, GraphQLConfig config) {
    this.reads = reads;
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Domain")
        .dataFetcher(
            "parent",
            new DomainDataFetcher(visibility, env -> env.<DomainNode>getSource().domain().parent()))
        .dataFetcher("products", new ProductsDataFetcher(reads, visibility, config))
        .build();
  }
}
