package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemHandlers;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.Principal;
import jakarta.inject.Singleton;

/**
 * Authentication and authorization failures as problem documents, each one audited: Micronaut
 * Security's rejections (401 with {@code WWW-Authenticate: Bearer}, 403) and the governance's
 * {@link AccessDeniedException}.
 */
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

  /**
   * Micronaut Security's rejection of a request: 401 when nobody authenticated (saying why the
   * presented credentials were refused, or that credentials are needed), 403 when the principal is
   * not an admin (the only permission the security rules check: {@code /api/v1/admin/**} and the
   * management endpoints).
   */
  @Singleton
  @Replaces(DefaultAuthorizationExceptionHandler.class)
  public static class ForAuthorization
      implements ExceptionHandler<AuthorizationException, HttpResponse<Problem>> {
    private final AuditLog audit;
    private final boolean jwtEnabled;

    public ForAuthorization(AuditLog audit, SecurityConfig config, OidcConfig oidc) {
      this.audit = audit;
      this.jwtEnabled = config.jwtEnabled() || oidc.enabled();
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AuthorizationException e) {
      if (e.isForbidden() && CrossSiteRequestRule.refusal(request).isPresent()) {
        String detail = CrossSiteRequestRule.refusal(request).get();
        audit.record(
            e.getAuthentication().getName(),
            "authorize",
            request.getMethodName() + " " + request.getPath(),
            "denied",
            "no " + CrossSiteRequestRule.HEADER + " header with the session cookie");
        return ProblemHandlers.response(request, ProblemType.FORBIDDEN, detail);
      }
      if (e.isForbidden()) {
        audit.record(
            e.getAuthentication().getName(),
            "authorize",
            request.getMethodName() + " " + request.getPath(),
            "denied",
            "missing admin");
        return ProblemHandlers.response(
            request, ProblemType.FORBIDDEN, "missing permission: admin");
      }
      if (Credentials.presented(request)) {
        return unauthenticated(request, Credentials.failure(request, jwtEnabled), audit, "unknown");
      }
      return unauthenticated(
          request,
          "this needs you to sign in (people) or an API token sent as 'Authorization: Bearer <token>'"
              + " (pipelines and scripts)",
          audit,
          Principal.anonymous().subject());
    }
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

  /** Credentials rejected outside the security filter (a caller of TokenService): 401. */
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
