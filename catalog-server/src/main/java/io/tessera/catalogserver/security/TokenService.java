package io.tessera.catalogserver.security;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.persistence.ApiToken;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.persistence.TokenRepository;
import io.tessera.governance.AccessDeniedException;
import io.tessera.governance.InvalidGrantException;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import io.tessera.governance.TokenGrants;
import io.tessera.governance.TokenSecrets;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens: creating one (the secret is returned once), revoking, and authenticating a secret.
 * The configured admin token ({@code TESSERA_ADMIN_TOKEN}) is accepted without being stored; when
 * none is configured, the first start generates one, stores its hash and logs the secret once.
 */
@Singleton
public class TokenService implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

  /** The creator recorded for the admin token generated on the first start. */
  static final String BOOTSTRAP = "bootstrap";

  private final TokenRepository tokens;
  private final SecurityConfig config;
  private final AuditLog audit;
  private final TokenSecrets secrets = new TokenSecrets();
  private final TokenGrants grants = new TokenGrants();
  private final Clock clock = Clock.systemUTC();
  private final String adminHash;

  /**
   * API tokens looked up recently, by hash, so a pipeline's every request does not query the
   * database. A revocation here drops its entry at once; one made by another server sharing the
   * database takes effect within {@link #REMEMBER_FOR}. Expiry is checked on every request.
   */
  private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

  private static final Duration REMEMBER_FOR = Duration.ofSeconds(30);
  private static final int MAX_REMEMBERED = 10_000;

  private record Remembered(ApiToken token, Instant until) {}

  public TokenService(TokenRepository tokens, SecurityConfig config, AuditLog audit) {
    this.tokens = tokens;
    this.config = config;
    this.audit = audit;
    this.adminHash = config.hasAdminToken() ? TokenSecrets.hash(config.adminToken().strip()) : null;
  }

  /** What a caller asks for when creating a token. */
  @Serdeable
  public record CreateRequest(
      @Nullable String subject,
      @Nullable List<String> roles,
      @Nullable List<String> domains,
      @Nullable List<String> namespaces,
      @Nullable Map<String, List<String>> attributes,
      @Nullable String description,
      @Nullable Instant expiresAt,
      @Nullable Boolean agent,
      @Nullable String onBehalfOf) {}

  /** A new token: its record and its secret, which is never shown again. */
  @Serdeable
  public record Issued(ApiToken token, String secret) {}

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (config.hasAdminToken() || tokens.existsCreatedBy(BOOTSTRAP)) {
      return;
    }
    String secret = secrets.newSecret();
    ApiToken admin =
        new ApiToken(
            UUID.randomUUID().toString(),
            "admin",
            Set.of(Role.ADMIN.slug()),
            Set.of(),
            Set.of(),
            Map.of(),
            "generated on the first start",
            BOOTSTRAP,
            Instant.now(clock),
            null,
            null,
            false,
            null);
    tokens.insert(admin, TokenSecrets.hash(secret));
    audit.record(BOOTSTRAP, "token-create", admin.id(), "created", "admin token generated");
    // The one time a secret is logged: there is no other way to learn the generated admin token.
    LOG.warn(
        "No TESSERA_ADMIN_TOKEN was set: generated an admin API token, shown only this once."
            + " Use it as 'Authorization: Bearer <token>': {}",
        secret);
  }

  /** The principal a secret authenticates. */
  public Principal authenticate(String secret) {
    return authenticateToken(secret).principal();
  }

  /**
   * Who a secret authenticates, with the token behind it.
   *
   * @param principal the principal
   * @param tokenId the token's id ({@code admin} for the configured admin token)
   * @param agent whether the token belongs to an AI agent
   * @param onBehalfOf the human or team an agent acts for, or null
   */
  public record Authenticated(
      Principal principal, String tokenId, boolean agent, String onBehalfOf) {}

  /** Who a secret authenticates, with its token's id and whether it is an agent's. */
  public Authenticated authenticateToken(String secret) {
    String hash = TokenSecrets.hash(secret);
    if (adminHash != null && TokenSecrets.sameHash(hash, adminHash)) {
      return new Authenticated(
          new Principal("admin", Set.of(Role.ADMIN), Set.of(), Map.of()), "admin", false, null);
    }
    ApiToken token = lookup(hash);
    if (token.revokedAt() != null) {
      throw new AuthenticationException("the API token has been revoked");
    }
    if (!token.activeAt(Instant.now(clock))) {
      throw new AuthenticationException("the API token has expired");
    }
    return new Authenticated(token.principal(), token.id(), token.agent(), token.onBehalfOf());
  }

  private ApiToken lookup(String hash) {
    Instant now = Instant.now(clock);
    Remembered known = recent.get(hash);
    if (known != null && known.until().isAfter(now)) {
      return known.token();
    }
    ApiToken token =
        tokens
            .findByHash(hash)
            .orElseThrow(() -> new AuthenticationException("the API token is not valid"));
    if (recent.size() >= MAX_REMEMBERED) {
      recent.clear();
    }
    recent.put(hash, new Remembered(token, now.plus(REMEMBER_FOR)));
    return token;
  }

  /**
   * Creates a token. An admin may create any; a domain owner only consumer and producer tokens
   * whose domains are all among the ones it owns, without attributes or namespaces (see {@link
   * TokenGrants}). Creations are audited with what they grant.
   *
   * @throws InvalidGrantException for an invalid request (naming the field)
   * @throws AccessDeniedException when the creator may not grant what is asked
   */
  public Issued create(CreateRequest request, Principal creator) {
    return issue(validate(request, creator), creator);
  }

  /** Stores a token whose grant was checked, audited, with a new secret shown only now. */
  Issued issue(ApiToken token, Principal creator) {
    String secret = secrets.newSecret();
    tokens.insert(token, TokenSecrets.hash(secret));
    audit.record(
        creator.subject(),
        "token-create",
        token.id(),
        "created",
        "for "
            + token.subject()
            + " with roles "
            + token.roles()
            + (token.domains().isEmpty() ? "" : ", domains " + token.domains())
            + (token.namespaces().isEmpty() ? "" : ", namespaces " + token.namespaces())
            + (token.attributes().isEmpty() ? "" : ", attributes " + token.attributes())
            + (token.agent()
                ? ", agent"
                    + (token.onBehalfOf() == null ? "" : " on behalf of " + token.onBehalfOf())
                : ""));
    return new Issued(token, secret);
  }

  /** Revokes a token; admins revoke any, domain owners those of their domains. */
  public ApiToken revoke(String id, Principal by) {
    ApiToken token =
        tokens.find(id).orElseThrow(() -> new TokenNotFoundException("no API token " + id));
    if (!grants.mayManage(by, token.domains())) {
      throw new AccessDeniedException("admin");
    }
    return revoke(token, by);
  }

  /** Revokes a token whose revocation was authorized; it stops working at once here. */
  ApiToken revoke(ApiToken token, Principal by) {
    String id = token.id();
    tokens.revoke(id, Instant.now(clock));
    recent.values().removeIf(r -> r.token().id().equals(id));
    audit.record(by.subject(), "token-revoke", id, "revoked", "token of " + token.subject());
    return tokens.find(id).orElseThrow();
  }

  /** Tokens without secrets: all for an admin, those of its domains for a domain owner. */
  public List<ApiToken> list(Principal by, String subject) {
    return tokens.list(subject).stream().filter(t -> grants.mayManage(by, t.domains())).toList();
  }

  /** The most recently created active token of a subject, for explaining its decisions. */
  public Optional<ApiToken> activeTokenOf(String subject) {
    Instant now = Instant.now(clock);
    return tokens.list(subject).stream().filter(t -> t.activeAt(now)).findFirst();
  }

  private ApiToken validate(CreateRequest request, Principal creator) {
    Instant now = Instant.now(clock);
    TokenGrants.Grant grant =
        grants.validate(
            request.subject(),
            request.roles(),
            request.domains(),
            request.namespaces(),
            request.attributes(),
            request.description(),
            request.expiresAt(),
            now);
    boolean agent = Boolean.TRUE.equals(request.agent());
    String onBehalfOf = grants.onBehalfOf(agent, request.onBehalfOf());
    grants.authorize(grant, creator);
    return new ApiToken(
        UUID.randomUUID().toString(),
        grant.subject(),
        grant.roles(),
        grant.domains(),
        grant.namespaces(),
        grant.attributes(),
        grant.description(),
        creator.subject(),
        now,
        grant.expiresAt(),
        null,
        agent,
        onBehalfOf);
  }

  /** No token with the id asked for. */
  public static class TokenNotFoundException extends RuntimeException {
    public TokenNotFoundException(String message) {
      super(message);
    }
  }
}
