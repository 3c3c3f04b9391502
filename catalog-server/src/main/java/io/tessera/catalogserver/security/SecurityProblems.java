package io.tessera.catalogserver.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemHandlers;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessDeniedException;
import jakarta.inject.Singleton;

/** Authentication and authorization failures as problem documents, each one audited. */
public final class SecurityProblems {
  private SecurityProblems() {}

  /** Credentials that are not valid: 401. */
  static HttpResponse<Problem> unauthenticated(
      HttpRequest<?> request, String detail, AuditLog audit, String subject) {
    audit.record(
        subject,
        "authenticate",
        request.getMethodName() + " " + request.getPath(),
        "unauthenticated",
        detail);
    return ProblemHandlers.response(request, ProblemType.UNAUTHORIZED, detail)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tessera\"");
  }

  /** A 403 naming the missing permission. */
  @Singleton
  public static class ForAccessDenied
      implements ExceptionHandler<AccessDeniedException, HttpResponse<Problem>> {
    private final AuditLog audit;

    public ForAccessDenied(AuditLog audit) {
      this.audit = audit;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AccessDeniedException e) {
      audit.record(
          AccessScopes.principalOf(request).subject(),
          "authorize",
          request.getMethodName() + " " + request.getPath(),
          "denied",
          "missing " + e.permission());
      return ProblemHandlers.response(
          request, ProblemType.FORBIDDEN, "missing permission: " + e.permission());
    }
  }

  /** Credentials rejected after the filter (e.g. by a resolver reading the header again): 401. */
  @Singleton
  public static class ForAuthentication
      implements ExceptionHandler<AuthenticationException, HttpResponse<Problem>> {
    private final AuditLog audit;

    public ForAuthentication(AuditLog audit) {
      this.audit = audit;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthenticationException e) {
      return unauthenticated(request, e.getMessage(), audit, "unknown");
    }
  }
}
