package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.SchemaVersion;

/** {@code SchemaVersion.fields}: the columns of one observed schema version, in order. */
final class SchemaVersionFieldsDataFetcher implements DataFetcher<Connection<FieldNode>> {
  private final GraphQLConfig config;

  SchemaVersionFieldsDataFetcher(GraphQLConfig config) {
    this.config = config;
  }

  @Override
  public Connection<FieldNode> get(DataFetchingEnvironment env) {
    SchemaVersion version = env.getSource();
    return PageRequest.of(env, config)
        .page(
            version.columns().stream()
                .map(f -> PortSchemaDataFetcher.field(version.iri(), f))
                .toList());
  }
}
