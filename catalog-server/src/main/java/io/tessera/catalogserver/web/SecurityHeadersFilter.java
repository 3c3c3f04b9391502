package io.tessera.catalogserver.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Puts the security headers on every response, errors included: a Content-Security-Policy that lets
 * pages load scripts, styles, images and data only from this server and never be framed, and {@code
 * X-Content-Type-Options: nosniff} so a browser never runs an answer as something it was not
 * declared as.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {
  /**
   * The policy: GraphiQL's stylesheet uses {@code data:} images, and its editor sets inline styles
   * (hence {@code img-src data:} and {@code style-src 'unsafe-inline'}); no inline script runs.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE; // outermost: also sees answers other filters gave themselves
  }

  /** Adds the headers unless a handler set its own. */
  @ResponseFilter
  public void addHeaders(MutableHttpResponse<?> response) {
    var headers = response.getHeaders();
    if (!headers.contains("Content-Security-Policy")) {
      headers.add("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
    headers.set("X-Content-Type-Options", "nosniff");
  }
}
