package io.tessera.governance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles a principal can hold; domain ownership is per domain (see {@link Principal}). */
public enum Role {
  /** The platform team: every write, every read, policies, tokens, audit. */
  ADMIN,
  /** Applies and retires the products and policies of the domains the principal owns. */
  DOMAIN_OWNER,
  /** Posts OpenLineage events. */
  PRODUCER,
  /** Reads what policies allow. */
  CONSUMER;

  /** The role's name in tokens, claims and descriptors: {@code admin}, {@code domain-owner}… */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The role with this slug, case-insensitive. */
  public static Optional<Role> fromSlug(String slug) {
    return Arrays.stream(values()).filter(r -> r.slug().equalsIgnoreCase(slug)).findFirst();
  }
}
