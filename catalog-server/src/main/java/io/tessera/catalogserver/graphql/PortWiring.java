package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/**
 * {@code Port}: its product, the dataset it promises, that dataset's schema and its binding run.
 */
@Singleton
final class PortWiring implements TypeWiring {
  private final Visibility visibility;
  private final GraphQLConfig config;
  private final IriMinter iris;

  PortWiring(Visibility visibility, GraphQLConfig config, IriMinter iris) {
    this.visibility = visibility;
    this.config = config;
    this.iris = iris;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Port")
        .dataFetcher(
            "product",
            new ProductDataFetcher(visibility, env -> env.<PortNode>getSource().product()))
        .dataFetcher("dataset", new PortDatasetDataFetcher(iris))
        .dataFetcher("schema", new PortSchemaDataFetcher(config))
        .dataFetcher(
            "boundBy",
            new RunDataFetcher(
                visibility,
                env -> {
                  PortNode port = env.getSource();
                  return port.port().binding() == null ? null : port.port().binding().evidence();
                }))
        .build();
  }
}
