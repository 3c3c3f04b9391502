package io.tessera.catalogserver.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.persistence.DatabaseUnreachable;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.InvalidDescriptorException;
import io.tessera.governance.AccessDeniedException;
import io.tessera.graphstore.EntityNotFoundException;
import io.tessera.graphstore.InvalidFilterException;
import io.tessera.graphstore.QueryTimeoutException;
import io.tessera.graphstore.ShapeViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a resolver throws into a GraphQL error whose {@code extensions.code} is the slug of
 * the REST problem type ({@code invalid-descriptor}, {@code not-found}, ...), with the same details
 * ({@code errors}, {@code violations}); anything unexpected is logged and reported as {@code
 * internal} without internals.
 */
final class GraphQLErrors implements DataFetcherExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GraphQLErrors.class);

  private final AuditLog audit;

  GraphQLErrors(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters params) {
    Throwable e = unwrap(params.getException());
    if (e instanceof InvalidDescriptorException invalid) {
      e = ProblemException.of(invalid);
    } else if (e instanceof InvalidFilterException invalid) {
      e = ProblemException.of(invalid);
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    String message;
    ProblemType type;
    switch (e) {
      case ProblemException p -> {
        type = p.type();
        message = p.getMessage();
        if (!p.errors().isEmpty()) {
          extensions.put(
              "errors",
              p.errors().stream()
                  .map(f -> Map.of("field", f.field(), "message", f.message()))
                  .toList());
        }
      }
      case ShapeViolationException v -> {
        type = ProblemType.SHAPE_VIOLATION;
        message = "the write would leave the catalog graph invalid; nothing was written";
        extensions.put(
            "violations",
            v.violations().stream()
                .map(
                    x ->
                        Map.of(
                            "focusNode", String.valueOf(x.focusNode()),
                            "path", String.valueOf(x.path()),
                            "message", String.valueOf(x.message())))
                .toList());
      }
      case AccessDeniedException d -> {
        type = ProblemType.FORBIDDEN;
        message = d.getMessage();
        extensions.put("permission", d.permission());
        audit.record(
            GraphQLRequest.scope(params.getDataFetchingEnvironment()).principal().subject(),
            "authorize",
            "graphql " + params.getPath(),
            "denied",
            "missing " + d.permission());
      }
      case EntityNotFoundException n -> {
        type = ProblemType.NOT_FOUND;
        message = n.getMessage();
      }
      case QueryTimeoutException t -> {
        type = ProblemType.QUERY_TIMEOUT;
        message = t.getMessage();
      }
      case Throwable t when DatabaseUnreachable.causedBy(t) -> {
        LOG.warn("GraphQL field {}: the database cannot be reached", params.getPath());
        type = ProblemType.DATABASE_UNAVAILABLE;
        message = ProblemException.DATABASE_UNAVAILABLE_WRITE;
      }
      default -> {
        LOG.error("GraphQL field {} failed", params.getPath(), e);
        type = ProblemType.INTERNAL;
        message = "internal error";
      }
    }
    GraphQLError error =
        GraphqlErrorBuilder.newError()
            .message(message)
            .path(params.getPath())
            .location(params.getSourceLocation())
            .errorType(classification(type))
            .extensions(withCode(type, extensions))
            .build();
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult(error).build());
  }

  static Map<String, Object> withCode(ProblemType type, Map<String, Object> extensions) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("code", type.code());
    all.put("type", type.uri());
    all.putAll(extensions);
    return all;
  }

  /** Adds a code to errors graphql-java raised itself (syntax, validation, limits). */
  static GraphQLError withCode(GraphQLError error) {
    if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
      return error;
    }
    ProblemType type =
        error instanceof ExceptionWhileDataFetching
            ? ProblemType.INTERNAL
            : switch (error.getErrorType()) {
              case ErrorType.InvalidSyntax, ErrorType.ValidationError ->
                  ProblemType.INVALID_REQUEST;
              case ErrorType.ExecutionAborted -> ProblemType.QUERY_TOO_COMPLEX;
              default -> ProblemType.INVALID_REQUEST;
            };
    Map<String, Object> extensions =
        error.getExtensions() == null ? Map.of() : error.getExtensions();
    return GraphqlErrorBuilder.newError()
        .message(error.getMessage())
        .locations(error.getLocations())
        .path(error.getPath())
        .errorType(error.getErrorType())
        .extensions(withCode(type, extensions))
        .build();
  }

  private static ErrorClassification classification(ProblemType type) {
    return type == ProblemType.INTERNAL
        ? ErrorType.DataFetchingException
        : ErrorClassification.errorClassification(type.name());
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static List<GraphQLError> withCodes(List<GraphQLError> errors) {
    return errors.stream().map(GraphQLErrors::withCode).toList();
  }
}
