package io.tessera.catalogserver.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.tessera.governance.Principal;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Finds who is calling from the {@code Authorization} header: {@code Bearer tsr_…} is an API token,
 * any other bearer value with two dots a JWT. No header means the anonymous principal.
 */
@Singleton
public class Authenticator {
  private static final String BEARER = "bearer ";

  private final TokenService tokens;
  private final JwtAuthenticator jwts;

  public Authenticator(TokenService tokens, JwtAuthenticator jwts) {
    this.tokens = tokens;
    this.jwts = jwts;
  }

  /**
   * The request's principal.
   *
   * @throws AuthenticationException when credentials are presented and are not valid
   */
  public Principal authenticate(HttpRequest<?> request) {
    Optional<String> header = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class);
    if (header.isEmpty() || header.get().isBlank()) {
      return Principal.anonymous();
    }
    String value = header.get().strip();
    if (value.length() <= BEARER.length()
        || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new AuthenticationException("the Authorization header must be 'Bearer <token>'");
    }
    String credential = value.substring(BEARER.length()).strip();
    if (jwts.enabled()
        && !credential.startsWith(Tokens.PREFIX)
        && credential.chars().filter(c -> c == '.').count() == 2) {
      return jwts.authenticate(credential);
    }
    return tokens.authenticate(credential);
  }
}
