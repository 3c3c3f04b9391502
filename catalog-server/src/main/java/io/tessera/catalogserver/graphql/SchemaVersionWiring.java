package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import io.tessera.graphstore.SchemaVersion;
import jakarta.inject.Singleton;

/** {@code SchemaVersion}: its fields and the run that observed it. */
@Singleton
final class SchemaVersionWiring implements TypeWiring {
  private final Visibility visibility;
  private final GraphQLConfig config;

  SchemaVersionWiring(Visibility visibility, GraphQLConfig config) {
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("SchemaVersion")
        .dataFetcher("fields", new SchemaVersionFieldsDataFetcher(config))
        .dataFetcher(
            "run", new RunDataFetcher(visibility, env -> env.<SchemaVersion>getSource().runIri()))
        .build();
  }
}
