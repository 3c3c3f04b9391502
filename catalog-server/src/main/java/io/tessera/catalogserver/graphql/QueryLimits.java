package io.tessera.catalogserver.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLTypeUtil;
import io.tessera.catalogserver.problem.ProblemType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * The protections of the GraphQL endpoint, as one instrumentation: maximum depth, maximum
 * complexity (fields under a connection count once per requested item), the per-query deadline
 * (checked before every field is fetched), and an {@code extensions.code} on every error.
 */
final class QueryLimits {
  private QueryLimits() {}

  /**
   * One instrumentation rather than a chain of three: graphql-java calls every instrumentation of a
   * chain for every field, so a chain costs on every field of every query.
   */
  static Instrumentation of(GraphQLConfig config) {
    return new Limits(config);
  }

  /** One for the field, plus its selection once per item a connection is asked for. */
  static FieldComplexityCalculator complexity(int assumedListSize) {
    return (env, child) -> {
      String type = GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType()).getName();
      if (!type.endsWith("Connection")) {
        return 1 + child;
      }
      Map<String, Object> args = env.getArguments();
      Object n = args.get("first") != null ? args.get("first") : args.get("last");
      int items = n instanceof Integer i ? Math.max(i, 1) : assumedListSize;
      return 1 + child * items;
    };
  }

  static AbortExecutionException tooComplex(String message) {
    return new AbortExecutionException(message) {
      @Override
      public Map<String, Object> getExtensions() {
        return GraphQLErrors.withCode(ProblemType.QUERY_TOO_COMPLEX, Map.of());
      }
    };
  }

  private static final class Depth extends MaxQueryDepthInstrumentation {
    Depth(int maxDepth) {
      super(maxDepth);
    }

    @Override
    protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
      return tooComplex(
          "the query is " + depth + " levels deep, more than the " + maxDepth + " allowed");
    }
  }

  /**
   * An operation found within the limits: its document (by identity: documents come from the {@link
   * DocumentCache}), its name, and the values of the only variables that can change its depth or
   * complexity — those used in a directive ({@code @skip}/{@code @include}) or in a {@code
   * first}/{@code last} argument. Any other variable (a product's name, say) cannot, so a page
   * asked for again with other such values is not traversed again.
   */
  private record Checked(Document document, String operation, Map<String, Object> values) {
    /** The operations found within the limits, at most {@code max} (least recently used out). */
    static final class Memory {
      private final Map<Document, Set<String>> variables = new WeakHashMap<>();
      private final Map<Checked, Boolean> passed;

      Memory(int max) {
        this.passed =
            new LinkedHashMap<>(16, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Checked, Boolean> eldest) {
                return size() > max;
              }
            };
      }

      synchronized Checked key(ExecutionContext context) {
        Document document = context.getDocument();
        Set<String> names = variables.computeIfAbsent(document, Checked::limitVariables);
        Map<String, Object> values = new HashMap<>();
        for (String name : names) {
          values.put(name, context.getCoercedVariables().get(name));
        }
        return new Checked(document, context.getExecutionInput().getOperationName(), values);
      }

      synchronized boolean passed(Checked key) {
        return passed.containsKey(key);
      }

      synchronized void pass(Checked key) {
        passed.put(key, Boolean.TRUE);
      }
    }

    static Set<String> limitVariables(Document document) {
      Set<String> names = new HashSet<>();
      collect(document, false, names);
      return names;
    }

    private static void collect(Node<?> node, boolean counts, Set<String> names) {
      boolean inside =
          counts
              || node instanceof Directive
              || (node instanceof Argument a
                  && (a.getName().equals("first") || a.getName().equals("last")));
      if (inside && node instanceof VariableReference v) {
        names.add(v.getName());
      }
      for (Node<?> child : node.getChildren()) {
        collect(child, inside, names);
      }
    }
  }

  /**
   * Checks depth and complexity when the operation starts executing (with its variables, so also
   * for documents taken from the {@link DocumentCache}; an operation already found within the
   * limits with the same values of the variables that matter is not traversed again), fails fields
   * fetched after the deadline, and puts a code on every error.
   */
  private static final class Limits extends SimplePerformantInstrumentation {
    private final Depth depth;
    private final int maxComplexity;
    private final FieldComplexityCalculator complexity;
    private final Checked.Memory checked = new Checked.Memory(1024);

    Limits(GraphQLConfig config) {
      this.depth = new Depth(config.maxDepth());
      this.maxComplexity = config.maxComplexity();
      this.complexity = complexity(config.assumedListSize());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
        InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
      ExecutionContext context = parameters.getExecutionContext();
      Checked key = checked.key(context);
      if (checked.passed(key)) {
        return SimpleInstrumentationContext.noOp();
      }
      depth.beginExecuteOperation(parameters, state);
      int found =
          QueryComplexityCalculator.newCalculator()
              .fieldComplexityCalculator(complexity)
              .schema(context.getGraphQLSchema())
              .document(context.getDocument())
              .operationName(context.getExecutionInput().getOperationName())
              .variables(context.getCoercedVariables())
              .build()
              .calculate();
      if (found > maxComplexity) {
        throw tooComplex(
            "the query's complexity is "
                + found
                + ", more than the "
                + maxComplexity
                + " allowed: ask for fewer items per connection (first/last) or fewer fields");
      }
      checked.pass(key);
      return SimpleInstrumentationContext.noOp();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
        DataFetcher<?> fetcher,
        InstrumentationFieldFetchParameters parameters,
        InstrumentationState state) {
      if (parameters.isTrivialDataFetcher()) {
        return fetcher;
      }
      return env -> {
        GraphQLRequest request = GraphQLRequest.of(env);
        if (request != null) {
          request.checkDeadline();
        }
        return fetcher.get(env);
      };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
        ExecutionResult result,
        InstrumentationExecutionParameters parameters,
        InstrumentationState state) {
      if (result.getErrors().isEmpty()) {
        return CompletableFuture.completedFuture(result);
      }
      List<GraphQLError> errors = GraphQLErrors.withCodes(result.getErrors());
      ExecutionResult.Builder<?> copy =
          ExecutionResult.newExecutionResult().errors(errors).extensions(result.getExtensions());
      if (result.isDataPresent()) {
        copy.data(result.getData());
      }
      return CompletableFuture.completedFuture(copy.build());
    }
  }
}
