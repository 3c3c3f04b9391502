package io.tessera.catalogserver.graphql;

import graphql.schema.TypeResolver;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;

/** The {@code Node} interface: which object type each node record is. */
@Singleton
final class NodeWiring implements TypeWiring {

  @Override
  public TypeRuntimeWiring wiring() {
    return TypeRuntimeWiring.newTypeWiring("Node").typeResolver(nodeTypes()).build();
  }

  private static TypeResolver nodeTypes() {
    return env ->
        env.getSchema()
            .getObjectType(
                switch (env.getObject()) {
                  case DomainNode d -> "Domain";
                  case ProductNode p -> "DataProduct";
                  case PortNode p -> "Port";
                  case DatasetNode d -> "Dataset";
                  case FieldNode f -> "Field";
                  case JobNode j -> "Job";
                  case RunNode r -> "Run";
                  default ->
                      throw new IllegalStateException(
                          "no GraphQL type for " + env.getObject().getClass());
                });
  }
}
