package io.tessera.catalogserver.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tessera.catalogserver.persistence.DatabaseUnreachable;
import io.tessera.descriptors.InvalidDescriptorException;
import io.tessera.graphstore.EntityNotFoundException;
import io.tessera.graphstore.InvalidFilterException;
import io.tessera.graphstore.QueryTimeoutException;
import io.tessera.graphstore.ShapeViolationException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the exceptions of the server and the libraries into problem documents. */
public final class ProblemHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

  /** Seconds a client is told to wait ({@code Retry-After}) when the database is out of reach. */
  static final int DATABASE_RETRY_AFTER_SECONDS = 5;

  private ProblemHandlers() {}

  /** A problem response for code outside the exception handlers (e.g. an HTTP filter). */
  public static MutableHttpResponse<Problem> response(
      HttpRequest<?> request, ProblemType type, String detail) {
    return respond(request, type, detail, List.of(), List.of());
  }

  static MutableHttpResponse<Problem> respond(
      HttpRequest<?> request,
      ProblemType type,
      String detail,
      List<Problem.FieldError> errors,
      List<Problem.ShapeViolation> violations) {
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status().getCode(),
            detail,
            request.getPath(),
            errors,
            violations);
    MutableHttpResponse<Problem> response =
        HttpResponse.<Problem>status(type.status()).contentType(Problem.MEDIA_TYPE).body(problem);
    if (type == ProblemType.DATABASE_UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS));
    }
    return response;
  }

  /**
   * The relational database cannot be reached: {@code 503 database-unavailable} with {@code
   * Retry-After}; a write says nothing was written (the stores write the database before the graph,
   * or not at all).
   */
  static MutableHttpResponse<Problem> databaseUnavailable(HttpRequest<?> request) {
    boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
    return respond(
        request,
        ProblemType.DATABASE_UNAVAILABLE,
        read
            ? ProblemException.DATABASE_UNAVAILABLE_READ
            : ProblemException.DATABASE_UNAVAILABLE_WRITE,
        List.of(),
        List.of());
  }

  /** Errors the server raised on purpose. */
  @Singleton
  public static class ForProblem
      implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
      return respond(request, e.type(), e.getMessage(), e.errors(), List.of());
    }
  }

  /** A descriptor request with wrong fields. */
  @Singleton
  public static class ForInvalidDescriptor
      implements ExceptionHandler<InvalidDescriptorException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidDescriptorException e) {
      ProblemException p = ProblemException.of(e);
      return respond(request, p.type(), p.getMessage(), p.errors(), List.of());
    }
  }

  /** A listing filter naming nothing. */
  @Singleton
  public static class ForInvalidFilter
      implements ExceptionHandler<InvalidFilterException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidFilterException e) {
      return respond(request, ProblemType.INVALID_REQUEST, e.getMessage(), List.of(), List.of());
    }
  }

  /** A graph write that would not conform to the shapes. */
  @Singleton
  public static class ForShapeViolation
      implements ExceptionHandler<ShapeViolationException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ShapeViolationException e) {
      List<Problem.ShapeViolation> violations =
          e.violations().stream()
              .map(v -> new Problem.ShapeViolation(v.focusNode(), v.path(), v.message()))
              .toList();
      return respond(
          request,
          ProblemType.SHAPE_VIOLATION,
          "the write would leave the catalog graph invalid; nothing was written",
          List.of(),
          violations);
    }
  }

  /** An entity that does not exist. */
  @Singleton
  public static class ForNotFound
      implements ExceptionHandler<EntityNotFoundException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, EntityNotFoundException e) {
      return respond(request, ProblemType.NOT_FOUND, e.getMessage(), List.of(), List.of());
    }
  }

  /** A query that ran out of time. */
  @Singleton
  public static class ForQueryTimeout
      implements ExceptionHandler<QueryTimeoutException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, QueryTimeoutException e) {
      return respond(request, ProblemType.QUERY_TIMEOUT, e.getMessage(), List.of(), List.of());
    }
  }

  /** Anything else: logged, reported without internals. */
  @Singleton
  public static class ForUnexpected
      implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
      if (undecodableBody(e)) {
        // e.g. Content-Encoding: gzip on a body that is not gzip: the client's mistake
        ProblemType type =
            request.getPath().equals("/api/v1/lineage")
                ? ProblemType.INVALID_EVENT
                : ProblemType.INVALID_REQUEST;
        return respond(
            request,
            type,
            "the request body cannot be decoded as its Content-Encoding says; nothing was stored",
            List.of(new Problem.FieldError("Content-Encoding", "does not match the body")),
            List.of());
      }
      if (DatabaseUnreachable.causedBy(e)) {
        LOG.warn(
            "the database cannot be reached: {} {} refused with 503 ({})",
            request.getMethod(),
            request.getPath(),
            e.getMessage());
        return databaseUnavailable(request);
      }
      LOG.error("unexpected error on {} {}", request.getMethod(), request.getPath(), e);
      return respond(
          request,
          ProblemType.INTERNAL,
          "an unexpected error occurred; it has been logged",
          List.of(),
          List.of());
    }
  }

  /** Whether the body failed to decompress (Netty's decoder, or the JDK's inflater). */
  static boolean undecodableBody(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.netty.handler.codec.compression.DecompressionException
          || t instanceof java.util.zip.ZipException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
