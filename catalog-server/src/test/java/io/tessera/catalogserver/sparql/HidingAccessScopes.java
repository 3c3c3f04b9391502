package io.tessera.catalogserver.sparql;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.catalogserver.security.SecurityConfig;
import io.tessera.governance.AccessScope;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.VisibilityScope;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test access scopes: a request with {@code X-Test-Principal: admin} is a platform admin who sees
 * everything; any other caller is a consumer who may not discover the graphs listed in {@code
 * tessera.test.hidden-graphs} (one product's graphs and the lineage graphs around its dataset).
 */
@Singleton
@Replaces(AccessScopes.class)
@Requires(property = "tessera.test.hidden-graphs")
public class HidingAccessScopes extends AccessScopes {
  static final String PRINCIPAL_HEADER = "X-Test-Principal";

  private final Set<String> hidden;

  public HidingAccessScopes(
      PolicyEvaluator policies,
      SecurityConfig securityConfig,
      TesseraConfig tesseraConfig,
      @Value("${tessera.test.hidden-graphs}") List<String> hidden) {
    super(policies, securityConfig, tesseraConfig);
    this.hidden = Set.copyOf(hidden);
  }

  @Override
  public AccessScope of(HttpRequest<?> request) {
    if ("admin".equals(request.getHeaders().get(PRINCIPAL_HEADER))) {
      return AccessScope.unrestricted(new Principal("ada", Set.of(Role.ADMIN), Set.of(), Map.of()));
    }
    VisibilityScope scope = VisibilityScope.allGraphsExcept(hidden);
    return new AccessScope(
        new Principal("carl", Set.of(Role.CONSUMER), Set.of(), Map.of()), scope, scope);
  }
}
