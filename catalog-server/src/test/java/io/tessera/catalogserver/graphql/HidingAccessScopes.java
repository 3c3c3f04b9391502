package io.tessera.catalogserver.graphql;

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
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for the policies of the security work, active only in tests that set {@code
 * tessera.test.hidden-product}: the hidden product's graphs and its dataset's lineage graph are
 * outside the caller's discover scope; the unreadable product can be discovered but not read.
 */
@Singleton
@Replaces(AccessScopes.class)
@Requires(property = "tessera.test.hidden-product")
class HidingAccessScopes extends AccessScopes {
  private final AccessScope scope;

  HidingAccessScopes(
      PolicyEvaluator policies,
      SecurityConfig securityConfig,
      TesseraConfig tesseraConfig,
      IriMinter iris,
      @Value("${tessera.test.hidden-product}") String hidden,
      @Value("${tessera.test.hidden-dataset}") String hiddenDataset,
      @Value("${tessera.test.unreadable-product}") String unreadable) {
    super(policies, securityConfig, tesseraConfig);
    String[] h = hidden.split("/");
    String[] d = hiddenDataset.split("\\|");
    String[] u = unreadable.split("/");
    this.scope =
        new AccessScope(
            new Principal("consumer-1", Set.of(), Set.of(), Map.of()),
            VisibilityScope.allGraphsExcept(
                Set.of(iris.productGraph(h[0], h[1]), iris.datasetGraph(d[0], d[1]))),
            VisibilityScope.allGraphsExcept(Set.of(iris.productGraph(u[0], u[1]))));
  }

  @Override
  public AccessScope of(HttpRequest<?> request) {
    return scope;
  }
}
