package io.tessera.catalogserver.graphql;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;

/** {@code Run}: the job it is a run of. */
@Singleton
final class RunWiring implements TypeWiring {
  private final Visibility visibility;

  RunWiring(Visibility visibility) {
    this.visibility = visibility;
  }

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Run")
        .dataFetcher(
            "job", new JobDataFetcher(visibility, env -> env.<RunNode>getSource().jobIri()))
        .build();
  }
}
