package io.tessera.catalogserver.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.tessera.catalogserver.SecurityHeaders;

/**
 * Puts {@link SecurityHeaders} on every response, errors included. It is the outermost filter, so
 * it also sees the answers other filters give themselves (401, 413).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  /** Adds the headers. */
  @ResponseFilter
  public void addHeaders(MutableHttpResponse<?> response) {
    SecurityHeaders.addTo(response);
  }
}
