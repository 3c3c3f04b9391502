package io.tessera.catalogserver.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.persistence.ApiToken;
import io.tessera.catalogserver.persistence.TokenRepository;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.InvalidGrantException;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.governance.TokenGrants;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * API tokens people make for themselves ({@code /api/v1/me/tokens}): a token of one's own
 * authenticates as oneself, with one's roles and domains or fewer, and exactly one's attributes and
 * namespaces (governance's {@link TokenGrants#authorizeOwn}). Only a person who signed in (the
 * session, or a JWT from the identity provider) may create one, never an API token: a leaked token
 * must not be able to outlive its revocation through tokens it made. One's own tokens are those
 * made for oneself by oneself; nobody lists or revokes another's here.
 */
@Singleton
public class OwnTokens {
  /** How long a token of one's own lasts when no expiry is asked for. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  /** The longest a token of one's own may last. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(366);

  private final TokenService tokens;
  private final TokenRepository store;
  private final TokenGrants grants = new TokenGrants();
  private final Clock clock = Clock.systemUTC();

  public OwnTokens(TokenService tokens, TokenRepository store) {
    this.tokens = tokens;
    this.store = store;
  }

  /**
   * What a person asks for.
   *
   * @param name what the token is for (shown in the list)
   * @param roles a subset of one's roles; all of them when absent
   * @param domains a subset of one's domains; all of them when absent
   * @param expiresAt when it stops working; in {@link #DEFAULT_LIFETIME} when absent, at most
   *     {@link #MAX_LIFETIME} from now
   */
  @Serdeable
  public record Request(
      @Nullable String name,
      @Nullable List<String> roles,
      @Nullable List<String> domains,
      @Nullable Instant expiresAt) {}

  /** The caller's own tokens, newest first, without secrets. */
  public List<ApiToken> list(Principal owner) {
    if (owner.isAnonymous()) {
      return List.of();
    }
    return store.list(owner.subject()).stream().filter(t -> isOwn(t, owner)).toList();
  }

  /**
   * Creates a token of one's own.
   *
   * @param byApiToken whether the caller authenticated with an API token (refused)
   * @throws InvalidGrantException naming the field that is wrong
   * @throws AccessDeniedException when the token would be wider than the person
   */
  public TokenService.Issued create(Request request, Principal owner, boolean byApiToken) {
    if (owner.isAnonymous() || byApiToken) {
      throw new AccessDeniedException(
          "a person signed in with the identity provider (an API token cannot create tokens)");
    }
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new InvalidGrantException("name", "required, at most 200 characters");
    }
    Instant now = Instant.now(clock);
    Instant expiresAt =
        request.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : request.expiresAt();
    if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
      throw new InvalidGrantException(
          "expiresAt", "at most " + MAX_LIFETIME.toDays() + " days from now");
    }
    List<String> roles =
        request.roles() == null
            ? owner.roles().stream().map(Role::slug).sorted().toList()
            : request.roles();
    List<String> domains =
        request.domains() == null ? owner.domains().stream().sorted().toList() : request.domains();
    List<String> namespaces =
        roles.contains(Role.PRODUCER.slug()) ? new ArrayList<>(owner.namespaces()) : List.of();
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    TokenGrants.ownAttributes(owner).forEach((k, v) -> attributes.put(k, new ArrayList<>(v)));
    TokenGrants.Grant grant =
        grants.validate(
            owner.subject(), roles, domains, namespaces, attributes, name, expiresAt, now);
    grants.authorizeOwn(grant, owner);
    ApiToken token =
        new ApiToken(
            UUID.randomUUID().toString(),
            grant.subject(),
            grant.roles(),
            grant.domains(),
            grant.namespaces(),
            grant.attributes(),
            grant.description(),
            owner.subject(),
            now,
            grant.expiresAt(),
            null,
            false,
            null);
    return tokens.issue(token, owner);
  }

  /** Revokes one of one's own tokens; another's answers exactly like a missing one. */
  public ApiToken revoke(String id, Principal owner) {
    ApiToken token =
        store
            .find(id)
            .filter(t -> isOwn(t, owner))
            .orElseThrow(() -> new TokenService.TokenNotFoundException("no API token " + id));
    return tokens.revoke(token, owner);
  }

  private static boolean isOwn(ApiToken token, Principal owner) {
    return !owner.isAnonymous()
        && token.subject().equals(owner.subject())
        && token.createdBy().equals(owner.subject());
  }
}
