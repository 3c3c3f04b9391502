package io.tessera.catalogserver.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Tessera's API tokens ({@code tsr_…}, and the configured admin token) as bearer tokens, beside the
 * JWT validator: the secret is hashed and looked up by {@link TokenService#authenticate}. A token
 * with a JWT's shape is left to the JWT validator when JWTs are accepted. A refused token records
 * its reason (unknown, revoked, expired) for the 401.
 */
@Singleton
public class ApiTokenValidator implements TokenValidator<HttpRequest<?>> {
  private final TokenService tokens;
  private final boolean jwtEnabled;

  public ApiTokenValidator(TokenService tokens, SecurityConfig config, OidcConfig oidc) {
    this.tokens = tokens;
    this.jwtEnabled = config.jwtEnabled() || oidc.enabled();
  }

  @Override
  public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
    String secret = token.strip();
    if (jwtEnabled && Credentials.looksLikeJwt(secret)) {
      return Publishers.empty();
    }
    try {
      return Publishers.just(PrincipalAuthentication.of(tokens.authenticateToken(secret)));
    } catch (AuthenticationException e) {
      Credentials.refuse(request, e.getMessage());
      return Publishers.empty();
    }
  }
}
