package io.tessera.catalogserver;

import io.micronaut.http.MutableHttpResponse;

/**
 * The security headers every response carries: a Content-Security-Policy that lets pages load
 * scripts, styles, images and data only from this server and never be framed, and {@code
 * X-Content-Type-Options: nosniff} so a browser never runs an answer as something it was not
 * declared as. Put on by the outermost server filter, and by the error processor for the answers
 * the framework gives before any filter runs (e.g. a request line that is too long).
 */
public final class SecurityHeaders {
  /**
   * The policy: GraphiQL's stylesheet uses {@code data:} images, and its editor sets inline styles
   * (hence {@code img-src data:} and {@code style-src 'unsafe-inline'}); no inline script runs.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /** Adds the headers; a Content-Security-Policy a handler set itself is kept. */
  public static void addTo(MutableHttpResponse<?> response) {
    var headers = response.getHeaders();
    if (!headers.contains("Content-Security-Policy")) {
      headers.add("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    headers.set("X-Content-Type-Options", "nosniff");
  }
}
