package io.tessera.catalogserver.problem;

import io.micronaut.http.HttpStatus;

/** The stable problem types of the API; GraphQL uses the same slugs in {@code extensions.code}. */
public enum ProblemType {
  INVALID_DESCRIPTOR(HttpStatus.BAD_REQUEST, "The descriptor is invalid"),
  INVALID_REQUEST(HttpStatus.BAD_REQUEST, "The request is invalid"),
  INVALID_EVENT(HttpStatus.BAD_REQUEST, "The OpenLineage event is invalid"),
  INVALID_QUERY(HttpStatus.BAD_REQUEST, "The SPARQL query is invalid"),
  UPDATE_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "SPARQL Update is not accepted"),
  SHAPE_VIOLATION(
      HttpStatus.UNPROCESSABLE_ENTITY, "The result would not conform to the catalog shapes"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Authentication required"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "Permission missing"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
  CONFLICT(HttpStatus.CONFLICT, "Conflict"),
  MANAGED_IN_GIT(HttpStatus.CONFLICT, "The domain is managed in Git"),
  CURSOR_EXPIRED(HttpStatus.GONE, "The cursor is older than what the change feed keeps"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "No acceptable representation"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is too large"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  QUERY_TIMEOUT(HttpStatus.SERVICE_UNAVAILABLE, "The query took too long"),
  QUERY_TOO_COMPLEX(HttpStatus.BAD_REQUEST, "The query is too deep or too complex"),
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable"),
  DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The catalog's database cannot be reached"),
  INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

  /** Problem type IRIs start with this. */
  public static final String BASE = "https://w3id.org/tessera/problems/";

  private final HttpStatus status;
  private final String title;

  ProblemType(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The slug, e.g. {@code invalid-descriptor}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The problem's {@code type} IRI. */
  public String uri() {
    return BASE + code();
  }

  /** Maps an HTTP status from the framework to the closest type. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status.getCode() == status
          && type != SHAPE_VIOLATION
          && type != DATABASE_UNAVAILABLE
          && type != INVALID_DESCRIPTOR) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : INVALID_REQUEST;
  }
}
