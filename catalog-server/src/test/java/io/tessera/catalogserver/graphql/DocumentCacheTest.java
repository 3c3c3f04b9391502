package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cached documents keep the limits exact: depth and complexity are checked on every execution with
 * its own variables, whether the document was parsed now or taken from the cache; documents with
 * errors are never kept.
 */
class DocumentCacheTest {
  private static final String SCHEMA =
      """
      type Query { items(first: Int): ItemConnection }
      type ItemConnection { total: Int, item: Item }
      type Item { a(times: Int): Int, b: Int, next: Item }
      """;
  private static final String PAGE = "query($n: Int) { items(first: $n) { total item { a b } } }";

  private final DocumentCache cache = new DocumentCache(10, 1000);
  private final GraphQL graphql = graphql(cache);

  @Test
  void shouldCheckComplexityWithEachRequestsVariablesOnACachedDocument() {
    assertThat(run(PAGE, Map.of("n", 2)).getErrors()).isEmpty();
    assertThat(cache.size()).isEqualTo(1);
    // complexity 1 + 4 * 40 = 161 > 100: rejected although the document is cached
    ExecutionResult tooMuch = run(PAGE, Map.of("n", 40));
    assertThat(tooMuch.getErrors()).hasSize(1);
    assertThat(tooMuch.getErrors().getFirst().getMessage()).contains("complexity is 161");
    assertThat(tooMuch.getErrors().getFirst().getExtensions())
        .containsEntry("code", "query-too-complex");
    assertThat(run(PAGE, Map.of("n", 3)).getErrors()).isEmpty();
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void shouldRejectATooDeepQueryEveryTime() {
    String deep = "{ items(first: 1) { item { next { next { next { next { a } } } } } } }";
    for (int i = 0; i < 2; i++) {
      ExecutionResult r = run(deep, Map.of());
      assertThat(r.getErrors()).hasSize(1);
      assertThat(r.getErrors().getFirst().getMessage()).contains("levels deep");
    }
  }

  @Test
  void shouldCheckDepthAgainWhenAnIncludeVariableChanges() {
    String page =
        "query($deep: Boolean!, $x: Int) { items(first: 1) { total item { next { next"
            + " { next @include(if: $deep) { next { a(times: $x) } } } } } } }";
    for (int x = 0; x < 3; x++) {
      // $x changes nothing the limits depend on; $deep does
      assertThat(run(page, Map.of("deep", false, "x", x)).getErrors()).isEmpty();
      ExecutionResult deep = run(page, Map.of("deep", true, "x", x));
      assertThat(deep.getErrors()).hasSize(1);
      assertThat(deep.getErrors().getFirst().getMessage()).contains("levels deep");
    }
  }

  @Test
  void shouldNotKeepDocumentsWithErrors() {
    assertThat(run("{ items { nope } }", Map.of()).getErrors()).isNotEmpty();
    assertThat(run("{ items { ", Map.of()).getErrors()).isNotEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void shouldKeepAtMostItsBound() {
    for (int i = 0; i < 25; i++) {
      run("{ items(first: " + (i + 1) + ") { total } }", Map.of());
    }
    assertThat(cache.size()).isEqualTo(10);
    DocumentCache none = new DocumentCache(10, 5);
    GraphQL unkept = graphql(none);
    unkept.execute(ExecutionInput.newExecutionInput(PAGE).variables(Map.of("n", 1)).build());
    assertThat(none.size()).isZero();
  }

  private ExecutionResult run(String query, Map<String, Object> variables) {
    return graphql.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
  }

  private static GraphQL graphql(DocumentCache cache) {
    GraphQLSchema schema =
        new SchemaGenerator()
            .makeExecutableSchema(
                new SchemaParser().parse(SCHEMA), RuntimeWiring.newRuntimeWiring().build());
    GraphQLConfig config = new GraphQLConfig(5, 100, Duration.ofSeconds(5), 50, 500, 10, 10, 10);
    return GraphQL.newGraphQL(schema)
        .instrumentation(QueryLimits.of(config))
        .preparsedDocumentProvider(cache)
        .build();
  }
}
