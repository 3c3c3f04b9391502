package io.tessera.governance;

import io.tessera.ontology.IriMinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may grant what through an API token: the fields a token request must have, and whether its
 * creator may grant them. An admin may grant anything; a domain owner only tokens whose domains are
 * all among the ones it owns, without the admin role. Tokens are managed (listed, revoked) by
 * admins and by the owners of all their domains.
 */
public final class TokenGrants {
  private static final Pattern ATTRIBUTE = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");
  private static final int MAX_VALUES = 50;

  /**
   * A validated grant: what the token's principal will be.
   *
   * @param roles role slugs
   * @param expiresAt when it stops working, or null for never
   */
  public record Grant(
      String subject,
      Set<String> roles,
      Set<String> domains,
      Map<String, Set<String>> attributes,
      String description,
      Instant expiresAt) {}

  /**
   * Checks a token request field by field.
   *
   * @throws InvalidGrantException naming the first wrong field
   */
  public Grant validate(
      String subject,
      List<String> roles,
      List<String> domains,
      Map<String, List<String>> attributes,
      String description,
      Instant expiresAt,
      Instant now) {
    String who = subject == null ? "" : subject.strip();
    if (who.isEmpty() || who.length() > 256) {
      throw new InvalidGrantException("subject", "required, at most 256 characters");
    }
    Set<String> granted = roles(roles);
    Set<String> inDomains = new LinkedHashSet<>();
    for (String domain : domains == null ? List.<String>of() : domains) {
      if (!IriMinter.isSlug(domain)) {
        throw new InvalidGrantException("domains", "'" + domain + "' is not a valid domain name");
      }
      inDomains.add(domain);
    }
    if (granted.contains(Role.DOMAIN_OWNER.slug()) && inDomains.isEmpty()) {
      throw new InvalidGrantException("domains", "a domain-owner token needs its domains");
    }
    Map<String, Set<String>> attrs = attributes(attributes);
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidGrantException("expiresAt", "must be in the future");
    }
    if (description != null && description.length() > 1024) {
      throw new InvalidGrantException("description", "at most 1024 characters");
    }
    return new Grant(who, granted, inDomains, attrs, description, expiresAt);
  }

  /**
   * Whether the creator may grant this.
   *
   * @throws AccessDeniedException naming the permission the creator lacks
   */
  public void authorize(Grant grant, Principal creator) {
    if (creator.isAdmin()) {
      return;
    }
    if (!creator.roles().contains(Role.DOMAIN_OWNER)) {
      throw new AccessDeniedException("admin or domain-owner");
    }
    if (grant.roles().contains(Role.ADMIN.slug())) {
      throw new AccessDeniedException("admin");
    }
    if (grant.domains().isEmpty() || !ownsAll(creator, grant.domains())) {
      throw new AccessDeniedException(
          "domain-owner of "
              + String.join(
                  ", ",
                  grant.domains().isEmpty() ? Set.of("the token's domains") : grant.domains()));
    }
  }

  /** Whether {@code by} may list and revoke a token of these domains. */
  public boolean mayManage(Principal by, Set<String> tokenDomains) {
    return by.isAdmin() || ownsAll(by, tokenDomains);
  }

  private static boolean ownsAll(Principal principal, Set<String> domains) {
    return !domains.isEmpty() && domains.stream().allMatch(principal::ownsDomain);
  }

  private static Set<String> roles(List<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidGrantException(
          "roles", "at least one of admin, domain-owner, producer, consumer");
    }
    Set<String> granted = new LinkedHashSet<>();
    for (String slug : roles) {
      Role role =
          Role.fromSlug(slug == null ? "" : slug)
              .orElseThrow(
                  () ->
                      new InvalidGrantException(
                          "roles",
                          "'" + slug + "' is not one of admin, domain-owner, producer, consumer"));
      granted.add(role.slug());
    }
    return granted;
  }

  private static Map<String, Set<String>> attributes(Map<String, List<String>> attributes) {
    Map<String, Set<String>> attrs = new LinkedHashMap<>();
    if (attributes == null) {
      return attrs;
    }
    for (Map.Entry<String, List<String>> e : attributes.entrySet()) {
      if (!ATTRIBUTE.matcher(e.getKey()).matches()) {
        throw new InvalidGrantException(
            "attributes", "'" + e.getKey() + "' is not a valid attribute name");
      }
      List<String> values = e.getValue() == null ? List.of() : new ArrayList<>(e.getValue());
      if (values.size() > MAX_VALUES
          || values.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > 128)) {
        throw new InvalidGrantException(
            "attributes." + e.getKey(),
            "at most " + MAX_VALUES + " non-blank values of up to 128 characters");
      }
      attrs.put(e.getKey(), new LinkedHashSet<>(values));
    }
    return attrs;
  }
}
