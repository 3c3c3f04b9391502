package io.tessera.governance;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The caller of a request, as authentication established it.
 *
 * @param subject who it is ({@code anonymous} when unauthenticated)
 * @param roles the roles held
 * @param domains the domains the principal belongs to (and owns, with {@link Role#DOMAIN_OWNER})
 * @param attributes attributes policies constrain: {@code region}, {@code purposes}, {@code
 *     clearances}…
 * @param namespaces the OpenLineage dataset namespaces a producer may write, whoever claims their
 *     datasets (only an admin grants them); empty for most principals
 */
public record Principal(
    String subject,
    Set<Role> roles,
    Set<String> domains,
    Map<String, Set<String>> attributes,
    Set<String> namespaces) {
  private static final Principal ANONYMOUS =
      new Principal("anonymous", Set.of(), Set.of(), Map.of());

  public Principal {
    Objects.requireNonNull(subject, "subject");
    roles = Set.copyOf(roles);
    domains = Set.copyOf(domains);
    attributes = Map.copyOf(attributes);
    namespaces = namespaces == null ? Set.of() : Set.copyOf(namespaces);
  }

  /** A principal without dataset namespaces (everyone but namespace-scoped producers). */
  public Principal(
      String subject, Set<Role> roles, Set<String> domains, Map<String, Set<String>> attributes) {
    this(subject, roles, domains, attributes, Set.of());
  }

  /** The unauthenticated caller. */
  public static Principal anonymous() {
    return ANONYMOUS;
  }

  /** Whether nobody authenticated. */
  public boolean isAnonymous() {
    return this.equals(ANONYMOUS);
  }

  /** Whether the principal is a platform admin. */
  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /** Whether the principal may write the domain's products and policies. */
  public boolean ownsDomain(String domain) {
    return isAdmin() || (roles.contains(Role.DOMAIN_OWNER) && domains.contains(domain));
  }

  /** The values of one attribute (empty when the principal has none). */
  public Set<String> attribute(String name) {
    return attributes.getOrDefault(name, Set.of());
  }
}
