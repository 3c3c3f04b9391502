package io.tessera.catalogserver.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JWTClaimsSetUtils;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The claims a JWT must carry once its signature is verified: the subject claim, an expiry not
 * passed, a "not before" reached (both with a minute's clock skew) and, when {@code
 * TESSERA_JWT_ISSUER} is set, exactly that issuer (not of a sign-in session, which this server
 * issued: see {@link SignInSessions}). A refused JWT records why, for the 401.
 *
 * @param <T> the request type
 */
@Singleton
public class JwtClaimsCheck<T> implements GenericJwtClaimsValidator<T> {
  private static final Duration SKEW = Duration.ofSeconds(60);

  private final SecurityConfig config;
  private final Clock clock = Clock.systemUTC();

  public JwtClaimsCheck(SecurityConfig config) {
    this.config = config;
  }

  @Override
  public boolean validate(Claims claims, @Nullable T request) {
    JWTClaimsSet set = JWTClaimsSetUtils.jwtClaimsSetFromClaims(claims);
    String refusal = refusal(set);
    if (refusal != null) {
      Credentials.refuse(request, "the JWT is not valid: " + refusal);
      return false;
    }
    return true;
  }

  private @Nullable String refusal(JWTClaimsSet set) {
    boolean session = SignInSessions.isSession(set.getClaims());
    String subjectClaim = session ? "sub" : config.jwtSubjectClaim();
    Object subject = set.getClaim(subjectClaim);
    if (!(subject instanceof String s) || s.isBlank()) {
      return "it has no " + subjectClaim + " claim";
    }
    Instant now = Instant.now(clock);
    Date expiry = set.getExpirationTime();
    if (expiry == null) {
      return "it has no exp claim";
    }
    if (expiry.toInstant().plus(SKEW).isBefore(now)) {
      return "it has expired";
    }
    Date notBefore = set.getNotBeforeTime();
    if (notBefore != null && notBefore.toInstant().minus(SKEW).isAfter(now)) {
      return "it is not valid yet";
    }
    String issuer = config.jwtIssuer();
    if (!session
        && issuer != null
        && !issuer.isBlank()
        && !issuer.strip().equals(set.getIssuer())) {
      return "it is not from the expected issuer";
    }
    return null;
  }
}
