package io.tessera.governance;

import java.util.Set;
import java.util.TreeSet;

/**
 * The write permissions, in one place that REST controllers, GraphQL mutations and the services
 * behind them call: platform admin for everything, domain owner for a domain's products and
 * policies, producer for lineage (and, for each dataset an event writes, a producer scoped to it).
 * Each check throws {@link AccessDeniedException} naming what is missing.
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

  /**
   * Writing lineage for one dataset (an output of a run or job event, or a dataset event's
   * dataset), which can bind the ports that promise it, make their products physical and change
   * their observed schema. Allowed for admins; for a producer with neither domains nor namespaces
   * (platform-wide; only an admin or the identity provider can make one); for a producer scoped to
   * the dataset's namespace; for a dataset some product claims, when every claiming product's
   * domain is among the producer's domains; for a dataset no product claims, when {@code
   * unownedOpen}.
   *
   * @param claimingDomains the domains of the products whose output ports promise or are bound to
   *     the dataset (empty when no product claims it)
   * @throws AccessDeniedException naming the dataset and the domain (or namespace) missing
   */
  public void requireMayWriteDataset(
      Principal principal,
      String namespace,
      String name,
      Set<String> claimingDomains,
      boolean unownedOpen) {
    if (principal.isAdmin()
        || (principal.domains().isEmpty() && principal.namespaces().isEmpty())
        || principal.namespaces().contains(namespace)) {
      return;
    }
    String dataset = "'" + name + "' in namespace '" + namespace + "'";
    if (claimingDomains.isEmpty()) {
      if (!unownedOpen) {
        throw new AccessDeniedException(
            "producer for namespace '"
                + namespace
                + "' (output dataset "
                + dataset
                + " is claimed by no product)");
      }
      return;
    }
    for (String domain : new TreeSet<>(claimingDomains)) {
      if (!principal.domains().contains(domain)) {
        throw new AccessDeniedException(
            "producer for domain "
                + domain
                + " (output dataset "
                + dataset
                + " is claimed by a product of "
                + domain
                + ")");
      }
    }
  }
}
