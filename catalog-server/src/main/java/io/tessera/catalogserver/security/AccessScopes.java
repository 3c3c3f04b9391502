package io.tessera.catalogserver.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.governance.AccessScope;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.Principal;
import io.tessera.graphstore.VisibilityScope;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Computes a request's {@link AccessScope} once and keeps it on the request, so every read path of
 * one request (a REST read, a GraphQL query's resolvers) sees the same decision. The principal is
 * the one Micronaut Security authenticated (see {@link PrincipalAuthentication}); the scope is what
 * the policies grant it.
 */
@Singleton
public class AccessScopes {
  private static final String SCOPE = AccessScope.class.getName();

  private final PolicyEvaluator policies;
  private final boolean anonymousReads;

  public AccessScopes(PolicyEvaluator policies, SecurityConfig config, TesseraConfig tessera) {
    this.policies = policies;
    this.anonymousReads = config.anonymousReads(tessera.demo());
  }

  /** The caller's scope, computed on first use within the request. */
  public AccessScope of(HttpRequest<?> request) {
    return request
        .getAttribute(SCOPE, AccessScope.class)
        .orElseGet(
            () -> {
              AccessScope scope = of(principalOf(request));
              request.setAttribute(SCOPE, scope);
              return scope;
            });
  }

  /** The scope of a principal outside a request (e.g. to explain a decision). */
  public AccessScope of(Principal principal) {
    if (principal.isAdmin()) {
      return AccessScope.unrestricted(principal);
    }
    if (principal.isAnonymous() && !anonymousReads) {
      VisibilityScope nothing = VisibilityScope.onlyGraphs(Set.of());
      return new AccessScope(principal, nothing, nothing);
    }
    return policies.scopeFor(principal);
  }

  /** The principal authentication established for the request (anonymous when none). */
  public static Principal principalOf(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(PrincipalAuthentication::principal)
        .orElse(Principal.anonymous());
  }
}
