package io.tessera.governance;

/**
 * The write permissions, in one place that REST controllers, GraphQL mutations and the services
 * behind them call: platform admin for everything, domain owner for a domain's products and
 * policies, producer for lineage. Each check throws {@link AccessDeniedException} naming what is
 * missing.
 */
public class WriteAuthorization {

  /** Applying, retiring or deleting a domain's products, its policies or the domain itself. */
  public void requireDomainOwner(Principal principal, String domain) {
    if (!principal.ownsDomain(domain)) {
      throw new AccessDeniedException("domain-owner of " + domain);
    }
  }

  /** Creating a domain, global policies, administration. */
  public void requireAdmin(Principal principal) {
    if (!principal.isAdmin()) {
      throw new AccessDeniedException("admin");
    }
  }

  /** Posting OpenLineage events. */
  public void requireProducer(Principal principal) {
    if (!principal.isAdmin() && !principal.roles().contains(Role.PRODUCER)) {
      throw new AccessDeniedException("producer");
    }
  }
}
