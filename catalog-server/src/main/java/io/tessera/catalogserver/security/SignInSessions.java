package io.tessera.catalogserver.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.oauth2.endpoint.token.response.OauthAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.tessera.governance.Principal;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions of people who signed in with the identity provider. A session is a JWT in an {@code
 * HttpOnly} cookie, made by Micronaut Security from the {@link Authentication} {@link
 * #authentication} builds at sign-in and signed with the session key (never the identity
 * provider's): it carries the principal as the provider's claims mapped it ({@link
 * PrincipalAuthentication}'s attributes), a session id ({@value #SESSION}) and the ID token for the
 * provider's end-session endpoint. A JWT that says it is a session is accepted only when the
 * session key signed it and it was not signed out; sign-outs are remembered until the session would
 * have expired (in this server's memory: a session signed out on one server still works on another
 * sharing the key until it expires).
 */
@Singleton
public class SignInSessions {
  /** The attribute (and claim) holding the session id; its presence marks a session. */
  public static final String SESSION = "tessera.session";

  private static final Collection<String> CARRIED =
      List.of(
          PrincipalAuthentication.DOMAINS,
          PrincipalAuthentication.ATTRIBUTES,
          PrincipalAuthentication.NAMESPACES,
          SESSION,
          OauthAuthenticationMapper.PROVIDER_KEY,
          OpenIdAuthenticationMapper.OPENID_TOKEN_KEY);

  private final byte[] key;
  private final String rolesClaim = "roles";
  private final Map<String, Instant> signedOut = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  public SignInSessions(OidcConfig config) {
    String secret = config.sessionSecret() == null ? "" : config.sessionSecret().strip();
    if (secret.isEmpty()) {
      byte[] random = new byte[48];
      new SecureRandom().nextBytes(random);
      secret = Base64.getEncoder().encodeToString(random);
    } else if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalStateException("tessera.oidc.session-secret must be at least 32 bytes");
    }
    this.key = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The key sessions are signed with (HS256). */
  byte[] key() {
    return key.clone();
  }

  /** The authentication a new session carries: the principal, a new session id, the ID token. */
  public Authentication authentication(Principal principal, String provider, String idToken) {
    Authentication carried = PrincipalAuthentication.of(principal);
    Map<String, Object> attributes = new LinkedHashMap<>(carried.getAttributes());
    attributes.put(SESSION, UUID.randomUUID().toString());
    attributes.put(OauthAuthenticationMapper.PROVIDER_KEY, provider);
    if (idToken != null) {
      attributes.put(OpenIdAuthenticationMapper.OPENID_TOKEN_KEY, idToken);
    }
    return Authentication.build(carried.getName(), carried.getRoles(), attributes);
  }

  /** Whether a JWT's claims say it is a session. */
  static boolean isSession(Map<String, Object> claims) {
    return claims.get(SESSION) instanceof String;
  }

  /**
   * The authentication of a session JWT: empty unless the session key signed it, it has a subject
   * and it was not signed out.
   */
  Optional<Authentication> authentication(JWT token) {
    try {
      if (!(token instanceof SignedJWT signed) || !signed.verify(new MACVerifier(key))) {
        return Optional.empty();
      }
      JWTClaimsSet claims = signed.getJWTClaimsSet();
      String session = claims.getStringClaim(SESSION);
      String subject = claims.getSubject();
      if (session == null || subject == null || subject.isBlank() || isSignedOut(session)) {
        return Optional.empty();
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      for (String name : CARRIED) {
        Object value = claims.getClaim(name);
        if (value != null) {
          attributes.put(name, value);
        }
      }
      List<String> roles = claims.getStringListClaim(rolesClaim);
      return Optional.of(
          Authentication.build(subject, roles == null ? List.of() : roles, attributes));
    } catch (JOSEException | ParseException e) {
      return Optional.empty();
    }
  }

  /** Whether the request was authenticated by a session (the cookie), not a bearer credential. */
  public static boolean isSession(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(a -> a.getAttributes().get(SESSION) instanceof String)
        .orElse(false);
  }

  /** Ends the session of this authentication, if it is one, until it would have expired. */
  void signOut(Authentication authentication, Instant expiresBy) {
    if (authentication.getAttributes().get(SESSION) instanceof String session) {
      Instant now = Instant.now(clock);
      signedOut.values().removeIf(until -> until.isBefore(now));
      signedOut.put(session, expiresBy);
    }
  }

  private boolean isSignedOut(String session) {
    Instant until = signedOut.get(session);
    return until != null && until.isAfter(Instant.now(clock));
  }
}
