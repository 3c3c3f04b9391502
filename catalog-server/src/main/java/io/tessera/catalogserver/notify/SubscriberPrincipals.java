package io.tessera.catalogserver.notify;

import io.tessera.catalogserver.persistence.ApiToken;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.catalogserver.security.SecurityConfig;
import io.tessera.catalogserver.security.TokenService;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a subscriber is at delivery time, as {@code PolicyController.explain} finds it: the principal
 * of the subject's active API token (the configured admin token's subject {@code admin} is an
 * admin); a subject with no active token left is nobody, and nothing is sent to it.
 */
@Singleton
public class SubscriberPrincipals {
  private final TokenService tokens;
  private final SecurityConfig security;
  private final AccessScopes scopes;
  private final io.tessera.ontology.IriMinter iris;

  public SubscriberPrincipals(
      TokenService tokens,
      SecurityConfig security,
      AccessScopes scopes,
      io.tessera.ontology.IriMinter iris) {
    this.tokens = tokens;
    this.security = security;
    this.scopes = scopes;
    this.iris = iris;
  }

  /** The subject's principal now, if it still has credentials. */
  public Optional<Principal> of(String subject) {
    Optional<Principal> token = tokens.activeTokenOf(subject).map(ApiToken::principal);
    if (token.isPresent()) {
      return token;
    }
    if ("admin".equals(subject) && security.hasAdminToken()) {
      return Optional.of(new Principal("admin", Set.of(Role.ADMIN), Set.of(), Map.of()));
    }
    return Optional.empty();
  }

  /** Whether the principal may read the product ({@code domain/name}) now. */
  public boolean mayRead(Principal principal, String product) {
    String[] parts = product.split("/", 2);
    return scopes.of(principal).mayRead(iris.productGraph(parts[0], parts[1]));
  }
}
