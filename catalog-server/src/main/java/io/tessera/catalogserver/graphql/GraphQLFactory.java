package io.tessera.catalogserver.graphql;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.io.ResourceResolver;
import io.tessera.catalogserver.persistence.AuditLog;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the {@link GraphQL} engine from {@code graphql/schema.graphqls} and the resolvers every
 * {@link TypeWiring} contributes for its type.
 */
@Factory
public class GraphQLFactory {
  /** The schema file, on the classpath. */
  public static final String SCHEMA = "classpath:graphql/schema.graphqls";

  /** Longer query texts are parsed and validated on every request rather than cached. */
  private static final int MAX_CACHED_QUERY = 64 * 1024;

  @Singleton
  GraphQL graphQL(
      ResourceResolver resources, GraphQLConfig config, AuditLog audit, List<TypeWiring> types) {
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().scalar(DateTimeScalar.INSTANCE);
    types.forEach(type -> wiring.type(type.wiring()));
    GraphQLSchema schema =
        new SchemaGenerator().makeExecutableSchema(schemaTypes(resources), wiring.build());
    GraphQLErrors errors = new GraphQLErrors(audit);
    return GraphQL.newGraphQL(schema)
        .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
        .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
        .instrumentation(QueryLimits.of(config))
        .preparsedDocumentProvider(new DocumentCache(config.documentCacheSize(), MAX_CACHED_QUERY))
        .build();
  }

  private static TypeDefinitionRegistry schemaTypes(ResourceResolver resources) {
    try (InputStream in =
        resources
            .getResourceAsStream(SCHEMA)
            .orElseThrow(() -> new IllegalStateException("missing " + SCHEMA))) {
      return new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
