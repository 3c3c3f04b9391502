package io.tessera.catalogserver.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.ProblemHandlers;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.Principal;

/**
 * Authenticates every request once, before routing: invalid credentials are a 401 wherever they are
 * sent; the APIs ({@code /api/**}, {@code /graphql}, {@code /sparql}) need credentials unless
 * anonymous reads are on (and then only for reads); {@code /api/v1/admin/**} needs an admin. The
 * UI, GraphiQL's page and {@code /health} stay reachable without credentials.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationFilter {
  private final Authenticator authenticator;
  private final AuditLog audit;
  private final boolean anonymousReads;

  public AuthenticationFilter(
      Authenticator authenticator, SecurityConfig config, TesseraConfig tessera, AuditLog audit) {
    this.authenticator = authenticator;
    this.audit = audit;
    this.anonymousReads = config.anonymousReads(tessera.demo());
  }

  /** Sets the request's principal, or answers 401/403. */
  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  public HttpResponse<?> authenticate(HttpRequest<?> request) {
    Principal principal;
    try {
      principal = authenticator.authenticate(request);
    } catch (AuthenticationException e) {
      return SecurityProblems.unauthenticated(request, e.getMessage(), audit, "unknown");
    }
    AccessScopes.setPrincipal(request, principal);
    String path = request.getPath();
    if (principal.isAnonymous() && isApi(path) && !(anonymousReads && isRead(request))) {
      return SecurityProblems.unauthenticated(
          request,
          "this needs credentials: send 'Authorization: Bearer <token>'",
          audit,
          principal.subject());
    }
    if (path.startsWith("/api/v1/admin/") && !principal.isAdmin()) {
      audit.record(
          principal.subject(),
          "authorize",
          request.getMethodName() + " " + path,
          "denied",
          "missing admin");
      return ProblemHandlers.response(request, ProblemType.FORBIDDEN, "missing permission: admin");
    }
    return null;
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/")
        || path.equals("/graphql")
        || path.startsWith("/graphql/")
        || path.equals("/sparql");
  }

  private static boolean isRead(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      return true;
    }
    // GraphQL queries and SPARQL queries are POSTed; their endpoints reject writes themselves.
    String path = request.getPath();
    return method == HttpMethod.POST && (path.equals("/graphql") || path.equals("/sparql"));
  }
}
