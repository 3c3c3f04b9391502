package io.tessera.catalogserver.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.governance.Role;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Who may call which path. The APIs ({@code /api/**}, {@code /graphql}, {@code /sparql}, {@code
 * /mcp}) need credentials unless anonymous reads are on, and then only for reads (GraphQL and
 * SPARQL queries are POSTed; those endpoints refuse writes themselves; MCP always needs
 * credentials, as its messages are POSTed and it is not among the reads); {@code /api/v1/admin/**}
 * needs an admin, except {@code GET /api/v1/admin/git}, which any authenticated caller reaches and
 * the Git sync answers to admins and owners of a managed domain only. {@code GET /api/v1/me}
 * answers anyone (who is calling, how to sign in). Everything else (the UI, static files,
 * GraphiQL's page, {@code /health}) is open. Runs after {@link AdminEndpointRule}, which keeps the
 * management endpoints to admins; what a principal may read and write within the APIs is decided by
 * the policies and the write paths.
 */
@Singleton
public class ApiAccessRule implements SecurityRule<HttpRequest<?>> {
  /** After Micronaut's rules, so that the management endpoints are decided first. */
  public static final int ORDER = SensitiveEndpointRule.ORDER + 100;

  /** The Git sync's status, which owners of a domain managed in Git may read too. */
  private static final String GIT_STATUS = "/api/v1/admin/git";

  private final boolean anonymousReads;

  public ApiAccessRule(SecurityConfig config, TesseraConfig tessera) {
    this.anonymousReads = config.anonymousReads(tessera.demo());
  }

  @Override
  public Publisher<SecurityRuleResult> check(
      HttpRequest<?> request, @Nullable Authentication authentication) {
    return Publishers.just(decide(request, authentication));
  }

  private SecurityRuleResult decide(HttpRequest<?> request, @Nullable Authentication caller) {
    String path = request.getPath();
    if (path.equals(GIT_STATUS) && request.getMethod() == HttpMethod.GET && caller != null) {
      return SecurityRuleResult.ALLOWED; // admins and owners of a managed domain: decided there
    }
    if (path.startsWith("/api/v1/admin/")) {
      return caller != null && caller.getRoles().contains(Role.ADMIN.slug())
          ? SecurityRuleResult.ALLOWED
          : SecurityRuleResult.REJECTED;
    }
    if (caller == null && path.equals("/api/v1/me") && request.getMethod() == HttpMethod.GET) {
      return SecurityRuleResult.ALLOWED;
    }
    if (caller == null && isApi(path) && !(anonymousReads && isRead(request))) {
      return SecurityRuleResult.REJECTED;
    }
    return SecurityRuleResult.ALLOWED;
  }

  private static boolean isApi(String path) {
    return path.startsWith("/api/")
        || path.equals("/graphql")
        || path.startsWith("/graphql/")
        || path.equals("/sparql")
        || path.equals("/mcp");
  }

  private static boolean isRead(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
      return true;
    }
    String path = request.getPath();
    return method == HttpMethod.POST && (path.equals("/graphql") || path.equals("/sparql"));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
