package io.tessera.catalogserver.security;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a verified JWT's claims to a {@link Principal}, carried as the request's {@link
 * Authentication}: subject, roles, domains and attributes, each from a configurable claim ({@code
 * tessera.security.jwt-*-claim}). A claim is read as an array or a space- or comma-separated
 * string; unknown roles are dropped. The same mapping makes the principal of a person who signs in
 * with the identity provider ({@link OidcPrincipalMapper}, from the ID token's claims); the session
 * JWT that sign-in leaves in the browser's cookie carries that principal and is read back by {@link
 * SignInSessions}.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class JwtPrincipalFactory implements JwtAuthenticationFactory {
  private final SecurityConfig config;
  private final SignInSessions sessions;

  public JwtPrincipalFactory(SecurityConfig config, SignInSessions sessions) {
    this.config = config;
    this.sessions = sessions;
  }

  @Override
  public Optional<Authentication> createAuthentication(JWT token) {
    try {
      Map<String, Object> claims = token.getJWTClaimsSet().getClaims();
      if (SignInSessions.isSession(claims)) {
        return sessions.authentication(token);
      }
      return principal(claims).map(PrincipalAuthentication::of);
    } catch (ParseException e) {
      return Optional.empty();
    }
  }

  /** The principal of a JWT's claims, or empty without a subject. */
  Optional<Principal> principal(Map<String, Object> claims) {
    if (!(claims.get(config.jwtSubjectClaim()) instanceof String subject) || subject.isBlank()) {
      return Optional.empty();
    }
    Set<Role> roles = new HashSet<>();
    for (String slug : values(claims.get(config.jwtRolesClaim()))) {
      Role.fromSlug(slug).ifPresent(roles::add);
    }
    Map<String, Set<String>> attributes = new LinkedHashMap<>();
    for (String name : config.jwtAttributeClaims()) {
      Set<String> v = values(claims.get(name.strip()));
      if (!v.isEmpty()) {
        attributes.put(name.strip(), v);
      }
    }
    return Optional.of(
        new Principal(subject, roles, values(claims.get(config.jwtDomainsClaim())), attributes));
  }

  /** A claim as a set of strings: an array, or a space- or comma-separated string. */
  private static Set<String> values(Object claim) {
    Set<String> out = new LinkedHashSet<>();
    if (claim instanceof String s) {
      for (String part : s.split("[,\\s]+")) {
        if (!part.isBlank()) {
          out.add(part);
        }
      }
    } else if (claim instanceof Collection<?> list) {
      for (Object o : list) {
        if (o != null && !o.toString().isBlank()) {
          out.add(o.toString());
        }
      }
    }
    return out;
  }
}
