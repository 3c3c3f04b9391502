package io.tessera.governance;

import io.tessera.ontology.IriMinter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may grant what through an API token: the fields a token request must have, and whether its
 * creator may grant them. An admin may grant anything. A domain owner may grant only the {@code
 * consumer} and {@code producer} roles, only for domains that are all among the ones it owns, and
 * neither attributes nor namespaces: the attributes policies read (residency, purposes, clearances)
 * come from a trusted source only (an admin, or an identity provider's claims), and a namespace
 * lets a producer write datasets whichever domain claims them. Attribute keys are those policies
 * can read ({@link #ATTRIBUTE_KEYS}); any other key is refused rather than stored as an attribute
 * no policy will ever match. Tokens are managed (listed, revoked) by admins and by the owners of
 * all their domains.
 */
public final class TokenGrants {
  private static final int MAX_VALUES = 50;
  private static final int MAX_NAMESPACES = 20;
  private static final int MAX_NAMESPACE_LENGTH = 256;
  private static final Pattern NAMESPACE = Pattern.compile("^[^\\s\\p{Cntrl}]+$");

  /**
   * The principal attributes policies read ({@code region}, {@code purposes}, {@code clearances}),
   * from {@link Operand}; the only keys a token's attributes may have.
   */
  public static final Set<String> ATTRIBUTE_KEYS =
      Arrays.stream(Operand.values())
          .map(Operand::attribute)
          .filter(Objects::nonNull)
          .collect(Collectors.toCollection(LinkedHashSet::new));

  /** The roles a domain owner may grant. */
  private static final Set<String> OWNER_GRANTABLE =
      Set.of(Role.CONSUMER.slug(), Role.PRODUCER.slug());

  /**
   * A validated grant: what the token's principal will be.
   *
   * @param roles role slugs
   * @param namespaces the OpenLineage dataset namespaces a producer token may write (empty for
   *     none)
   * @param expiresAt when it stops working, or null for never
   */
  public record Grant(
      String subject,
      Set<String> roles,
      Set<String> domains,
      Set<String> namespaces,
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
      List<String> namespaces,
      Map<String, List<String>> attributes,
      String description,
      Instant expiresAt,
      Instant now) {
    String who = subject == null ? "" : subject.strip();
    if (who.isEmpty() || who.length() > 256) {
      throw new InvalidGrantException("subject", "required, at most 256 characters");
    }
    if (who.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidGrantException("subject", "must not contain control characters");
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
    Set<String> inNamespaces = namespaces(namespaces, granted);
    Map<String, Set<String>> attrs = attributes(attributes);
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidGrantException("expiresAt", "must be in the future");
    }
    if (description != null && description.length() > 1024) {
      throw new InvalidGrantException("description", "at most 1024 characters");
    }
    return new Grant(who, granted, inDomains, inNamespaces, attrs, description, expiresAt);
  }

  /**
   * Checks what a token request says of an AI agent: {@code onBehalfOf} (the human or team the
   * agent acts for, at most 256 characters, no control characters) only on an agent's token. An
   * agent is a principal like any other: it gets exactly the roles, domains and attributes granted.
   *
   * @return the agent's {@code onBehalfOf}, stripped, or null (not an agent, or not said)
   * @throws InvalidGrantException naming {@code onBehalfOf}
   */
  public String onBehalfOf(boolean agent, String onBehalfOf) {
    if (onBehalfOf == null) {
      return null;
    }
    String who = onBehalfOf.strip();
    if (!agent) {
      throw new InvalidGrantException(
          "onBehalfOf", "only an agent's token (agent: true) acts on behalf of someone");
    }
    if (who.isEmpty() || who.length() > 256) {
      throw new InvalidGrantException("onBehalfOf", "not blank, at most 256 characters");
    }
    if (who.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidGrantException("onBehalfOf", "must not contain control characters");
    }
    return who;
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
    for (String role : grant.roles()) {
      if (!OWNER_GRANTABLE.contains(role)) {
        throw new AccessDeniedException("admin (to grant the " + role + " role)");
      }
    }
    if (!grant.attributes().isEmpty()) {
      throw new AccessDeniedException(
          "admin (to grant attributes: "
              + String.join(", ", grant.attributes().keySet())
              + "; attributes come from an admin or the identity provider)");
    }
    if (!grant.namespaces().isEmpty()) {
      throw new AccessDeniedException("admin (to grant namespaces)");
    }
    if (grant.domains().isEmpty() || !ownsAll(creator, grant.domains())) {
      throw new AccessDeniedException(
          "domain-owner of "
              + String.join(
                  ", ",
                  grant.domains().isEmpty() ? Set.of("the token's domains") : grant.domains()));
    }
  }

  /**
   * Whether a person may create this token for itself (self-service): the token's subject is its
   * own, its roles are among its own, its domains among its own (and not none when it has some: a
   * producer token without domains may write every dataset), and its attributes and namespaces
   * exactly its own (the caller copies them; they are never chosen). Never wider than the person.
   *
   * @throws AccessDeniedException naming what the person may not grant itself
   */
  public void authorizeOwn(Grant grant, Principal owner) {
    if (owner.isAnonymous()) {
      throw new AccessDeniedException("a signed-in person (to create a token of one's own)");
    }
    if (!grant.subject().equals(owner.subject())) {
      throw new AccessDeniedException("admin (to create a token for " + grant.subject() + ")");
    }
    Set<String> own = owner.roles().stream().map(Role::slug).collect(Collectors.toSet());
    List<String> wider = grant.roles().stream().filter(r -> !own.contains(r)).sorted().toList();
    if (!wider.isEmpty()) {
      throw new AccessDeniedException(
          "role "
              + String.join(", ", wider)
              + " (a token of your own carries at most your roles: "
              + (own.isEmpty() ? "none" : String.join(", ", new TreeSet<>(own)))
              + ")");
    }
    List<String> outside =
        grant.domains().stream().filter(d -> !owner.domains().contains(d)).sorted().toList();
    if (!outside.isEmpty()) {
      throw new AccessDeniedException(
          "domain "
              + String.join(", ", outside)
              + " (a token of your own carries at most your domains: "
              + (owner.domains().isEmpty()
                  ? "none"
                  : String.join(", ", new TreeSet<>(owner.domains())))
              + ")");
    }
    if (grant.domains().isEmpty() && !owner.domains().isEmpty()) {
      throw new AccessDeniedException(
          "admin (to create a token without domains: a token of your own keeps at least one of"
              + " yours)");
    }
    if (!grant.attributes().equals(ownAttributes(owner))) {
      throw new AccessDeniedException(
          "admin (to grant attributes: a token of your own carries exactly yours)");
    }
    Set<String> namespaces =
        grant.roles().contains(Role.PRODUCER.slug()) ? owner.namespaces() : Set.of();
    if (!grant.namespaces().equals(namespaces)) {
      throw new AccessDeniedException(
          "admin (to grant namespaces: a token of your own carries exactly yours)");
    }
  }

  /** The attributes a token of one's own carries: the person's, those policies read. */
  public static Map<String, Set<String>> ownAttributes(Principal owner) {
    Map<String, Set<String>> attrs = new LinkedHashMap<>();
    owner
        .attributes()
        .forEach(
            (key, values) -> {
              if (ATTRIBUTE_KEYS.contains(key) && !values.isEmpty()) {
                attrs.put(key, new LinkedHashSet<>(values));
              }
            });
    return attrs;
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
      if (!ATTRIBUTE_KEYS.contains(e.getKey())) {
        throw new InvalidGrantException(
            "attributes." + e.getKey(),
            "'"
                + e.getKey()
                + "' is not an attribute policies read; allowed: "
                + String.join(", ", ATTRIBUTE_KEYS));
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

  private static Set<String> namespaces(List<String> namespaces, Set<String> roles) {
    Set<String> scoped = new LinkedHashSet<>();
    if (namespaces == null || namespaces.isEmpty()) {
      return scoped;
    }
    if (!roles.contains(Role.PRODUCER.slug())) {
      throw new InvalidGrantException(
          "namespaces", "only producer tokens are scoped to dataset namespaces");
    }
    if (namespaces.size() > MAX_NAMESPACES) {
      throw new InvalidGrantException("namespaces", "at most " + MAX_NAMESPACES + " namespaces");
    }
    for (int i = 0; i < namespaces.size(); i++) {
      String namespace = namespaces.get(i);
      if (namespace == null
          || namespace.length() > MAX_NAMESPACE_LENGTH
          || !NAMESPACE.matcher(namespace).matches()) {
        throw new InvalidGrantException(
            "namespaces[" + i + "]",
            "an OpenLineage dataset namespace of up to "
                + MAX_NAMESPACE_LENGTH
                + " characters without spaces, e.g. postgres://warehouse:5432");
      }
      scoped.add(namespace);
    }
    return scoped;
  }
}
