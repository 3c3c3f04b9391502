package io.tessera.catalogserver.security;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Computes a request's {@link AccessScope} once and keeps it on the request, so every read path of
 * one request (a REST read, a GraphQL query's resolvers) sees the same decision.
 */
@Singleton
public class AccessScopes {
  private static final String ATTRIBUTE = AccessScope.class.getName();

  /** The caller's scope, computed on first use within the request. */
  public AccessScope of(HttpRequest<?> request) {
    return request
        .getAttribute(ATTRIBUTE, AccessScope.class)
        .orElseGet(
            () -> {
              AccessScope scope = compute(request);
              request.setAttribute(ATTRIBUTE, scope);
              return scope;
            });
  }

  // Authentication and policies (the security issue) replace this: until then every caller sees
  // everything, as before this seam existed.
  private AccessScope compute(HttpRequest<?> request) {
    Principal principal =
        request
            .getUserPrincipal()
            .map(p -> new Principal(p.getName(), Set.of(), Set.of(), Map.of()))
            .orElse(Principal.anonymous());
    return AccessScope.unrestricted(principal);
  }
}
