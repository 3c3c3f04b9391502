package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.governance.AccessScope;
import io.tessera.governance.PolicyEvaluator;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.graphstore.VisibilityScope;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Test access scopes standing in for policies, active only in tests that set {@code
 * tessera.test.hidden-graphs}. A request with {@code X-Test-Principal: admin} is a platform admin
 * who sees everything. Any other caller is the consumer {@code consumer-1}, who may not discover
 * the graphs listed in {@code tessera.test.hidden-graphs} (e.g. one product's graphs and the
 * lineage graphs around its dataset) and may discover but not read those listed in the optional
 * {@code tessera.test.unreadable-graphs}; as with policies, what it may not discover it may not
 * read either. Both settings are comma-separated graph IRIs.
 */
@Singleton
@Replaces(AccessScopes.class)
@Requires(property = "tessera.test.hidden-graphs")
public class HidingAccessScopes extends AccessScopes {
  /** The request header that makes the caller an admin ({@code admin}). */
  public static final String PRINCIPAL_HEADER = "X-Test-Principal";

  private static final AccessScope ADMIN =
      AccessScope.unrestricted(new Principal("ada", Set.of(Role.ADMIN), Set.of(), Map.of()));

  private final AccessScope consumer;

  public HidingAccessScopes(
      PolicyEvaluator policies,
      SecurityConfig securityConfig,
      TesseraConfig tesseraConfig,
      @Value("${tessera.test.hidden-graphs}") String hidden,
      @Value("${tessera.test.unreadable-graphs:}") String unreadable) {
    super(policies, securityConfig, tesseraConfig);
    Set<String> hiddenGraphs = graphs(hidden);
    Set<String> unreadableGraphs = new HashSet<>(hiddenGraphs);
    unreadableGraphs.addAll(graphs(unreadable));
    this.consumer =
        new AccessScope(
            new Principal("consumer-1", Set.of(Role.CONSUMER), Set.of(), Map.of()),
            VisibilityScope.allGraphsExcept(hiddenGraphs),
            VisibilityScope.allGraphsExcept(unreadableGraphs));
  }

  @Override
  public AccessScope of(HttpRequest<?> request) {
    return "admin".equals(request.getHeaders().get(PRINCIPAL_HEADER)) ? ADMIN : consumer;
  }

  private static Set<String> graphs(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(iri -> !iri.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
