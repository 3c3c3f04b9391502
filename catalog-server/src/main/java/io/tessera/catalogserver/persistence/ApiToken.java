package io.tessera.catalogserver.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An API token as stored (its secret is never stored, only its hash).
 *
 * @param id the token's id, used to revoke it
 * @param subject who the token authenticates as
 * @param roles the roles it grants (slugs)
 * @param domains the domains its principal belongs to
 * @param namespaces the OpenLineage dataset namespaces a producer token may write
 * @param attributes the principal's attributes ({@code region}, {@code purposes}, {@code
 *     clearances}…)
 * @param expiresAt when it stops working, or null for never
 * @param revokedAt when it was revoked, or null
 * @param agent whether the token belongs to an AI agent (an MCP client)
 * @param onBehalfOf the human or team an agent's token acts for, or null
 */
@Serdeable
public record ApiToken(
    String id,
    String subject,
    Set<String> roles,
    Set<String> domains,
    Set<String> namespaces,
    Map<String, Set<String>> attributes,
    @Nullable String description,
    String createdBy,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant revokedAt,
    boolean agent,
    @Nullable String onBehalfOf) {

  /** The principal the token authenticates. */
  public Principal principal() {
    return new Principal(
        subject,
        roles.stream().map(r -> Role.fromSlug(r).orElseThrow()).collect(Collectors.toSet()),
        domains,
        attributes,
        namespaces);
  }

  /** Whether the token authenticates at this instant. */
  public boolean activeAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
