package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.FieldDef;

/** {@code Port.schema}: the promised columns; null when the caller may not read the product. */
final class PortSchemaDataFetcher implements DataFetcher<Connection<FieldNode>> {
  private final GraphQLConfig config;

  PortSchemaDataFetcher(GraphQLConfig config) {
    this.config = config;
  }

  @Override
  public Connection<FieldNode> get(DataFetchingEnvironment env) {
    PortNode port = env.getSource();
    if (!port.readable()) {
      return null;
    }
    String owner = port.id();
    return PageRequest.of(env, config)
        .page(port.port().schema().stream().map(f -> field(owner, f)).toList());
  }

  static FieldNode field(String owner, FieldDef f) {
    return new FieldNode(
        owner, f.name(), f.type(), f.required(), f.description(), f.classification());
  }
}
