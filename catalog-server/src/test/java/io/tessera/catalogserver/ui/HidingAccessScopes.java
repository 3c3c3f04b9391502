package io.tessera.catalogserver.ui;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.policy.PolicyEvaluator;
import io.tessera.catalogserver.security.AccessScope;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.catalogserver.security.Principal;
import io.tessera.catalogserver.security.Role;
import io.tessera.catalogserver.security.SecurityConfig;
import io.tessera.graphstore.VisibilityScope;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for authentication and policies in the browser tests: a caller without the reveal token
 * may not discover one product ({@code tessera.ui-test.hidden-product}, {@code domain/name}) nor
 * the lineage of one dataset ({@code tessera.ui-test.hidden-dataset}, {@code namespace name}); a
 * caller sending {@code Authorization: Bearer <tessera.ui-test.reveal-token>} sees everything. Once
 * tokens and policies exist, the browser test can declare a policy and use a real token instead.
 */
@Singleton
@Replaces(AccessScopes.class)
@Requires(property = "tessera.ui-test.hidden-product")
public class HidingAccessScopes extends AccessScopes {
  private final Set<String> hidden;
  private final String revealHeader;

  public HidingAccessScopes(
      PolicyEvaluator policies,
      SecurityConfig securityConfig,
      TesseraConfig tesseraConfig,
      IriMinter iris,
      @Property(name = "tessera.ui-test.hidden-product") String product,
      @Property(name = "tessera.ui-test.hidden-dataset") String dataset,
      @Property(name = "tessera.ui-test.reveal-token") String revealToken) {
    super(policies, securityConfig, tesseraConfig);
    String[] p = product.split("/", 2);
    String[] d = dataset.split(" ", 2);
    this.hidden = Set.of(iris.productGraph(p[0], p[1]), iris.datasetGraph(d[0], d[1]));
    this.revealHeader = "Bearer " + revealToken;
  }

  @Override
  public AccessScope of(HttpRequest<?> request) {
    boolean revealed =
        request
            .getHeaders()
            .get("Authorization", String.class)
            .map(revealHeader::equals)
            .orElse(false);
    if (revealed) {
      return AccessScope.unrestricted(
          new Principal("ui-test-admin", Set.of(Role.ADMIN), Set.of(), Map.of()));
    }
    return new AccessScope(
        Principal.anonymous(),
        VisibilityScope.allGraphsExcept(hidden),
        VisibilityScope.allGraphsExcept(hidden));
  }
}
