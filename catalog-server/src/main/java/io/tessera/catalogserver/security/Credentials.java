package io.tessera.catalogserver.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.tessera.governance.TokenSecrets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a request presented as credentials, and why they were refused: the token validators record
 * the reason on the request, {@link PresentedCredentialsRule} refuses the request and {@link
 * SecurityProblems} words the 401 with it.
 */
final class Credentials {
  private static final String FAILURE = Credentials.class.getName() + ".failure";
  private static final String BEARER = "bearer ";

  private Credentials() {}

  /** Whether the request sent an {@code Authorization} header. */
  static boolean presented(HttpRequest<?> request) {
    return request
        .getHeaders()
        .get(HttpHeaders.AUTHORIZATION, String.class)
        .filter(value -> !value.isBlank())
        .isPresent();
  }

  /** Whether a bearer token has a JWT's shape (three dot-separated parts) and is no API token. */
  static boolean looksLikeJwt(String token) {
    return !token.startsWith(TokenSecrets.PREFIX)
        && token.chars().filter(c -> c == '.').count() == 2;
  }

  /** Records why the presented credentials were refused (the first reason wins). */
  static void refuse(Object request, String reason) {
    if (request instanceof HttpRequest<?> http && http.getAttribute(FAILURE).isEmpty()) {
      http.setAttribute(FAILURE, reason);
    }
  }

  /** Why the presented credentials were refused, worded for the caller. */
  static String failure(HttpRequest<?> request, boolean jwtEnabled) {
    Optional<String> recorded = request.getAttribute(FAILURE, String.class);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class).orElse("");
    String value = header.strip();
    if (value.length() <= BEARER.length() || !value.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return "the Authorization header must be 'Bearer <token>'";
    }
    String token = value.substring(BEARER.length()).strip();
    if (jwtEnabled && looksLikeJwt(token)) {
      return "the JWT is not valid: its signature could not be verified";
    }
    return "the API token is not valid";
  }
}
