package io.tessera.catalogserver.events;

import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;

/**
 * Which events of the change feed a caller may see, decided per event from its type and product:
 *
 * <ul>
 *   <li>admins see every event;
 *   <li>{@code io.tessera.access.*} (they name the requester): the owners of the product's domain;
 *   <li>{@code io.tessera.policy.*}: the owners of the domain a domain policy governs (global
 *       policies: admins only);
 *   <li>{@code io.tessera.domain.*}: anyone who may read the API;
 *   <li>any other event about a product: whoever may discover the product, so a product the caller
 *       may not see leaves no trace in the feed;
 *   <li>an event about no product that no rule above covers: admins only.
 * </ul>
 */
@Singleton
public class ChangeFeedScope {
  private static final String ACCESS = CatalogEvent.TYPE_PREFIX + "access.";
  private static final String POLICY = CatalogEvent.TYPE_PREFIX + "policy.";
  private static final String DOMAIN = CatalogEvent.TYPE_PREFIX + "domain.";

  private final IriMinter iris;

  public ChangeFeedScope(IriMinter iris) {
    this.iris = iris;
  }

  /** Whether the caller with this scope may see the event. */
  public boolean visible(CatalogEvent event, AccessScope scope) {
    Principal caller = scope.principal();
    if (caller.isAdmin()) {
      return true;
    }
    String type = event.type();
    if (type.startsWith(ACCESS)) {
      return event.product() != null && caller.ownsDomain(event.domain());
    }
    if (type.startsWith(POLICY)) {
      String governed = governedDomain(event.subject());
      return governed != null && caller.ownsDomain(governed);
    }
    if (type.startsWith(DOMAIN)) {
      return true;
    }
    if (event.product() != null) {
      String name = event.product().substring(event.product().indexOf('/') + 1);
      return scope.mayDiscover(iris.productGraph(event.domain(), name));
    }
    return false;
  }

  /** The domain of a policy subject ({@code domain/<domain>/<name>}), null for a global one. */
  static String governedDomain(String policySubject) {
    String[] parts = policySubject.split("/", 3);
    return parts.length == 3 && parts[0].equals("domain") ? parts[1] : null;
  }
}
