package io.tessera.catalogserver;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Sends the tests' admin token on Micronaut HTTP client requests that carry no credentials of their
 * own, so tests about other behaviour need not repeat it. A request that sets {@value #ANONYMOUS}
 * is sent without credentials.
 */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
@Requires(env = Environment.TEST)
public class AdminTokenClientFilter {
  /** A request header that asks this filter to send no credentials (it is removed). */
  public static final String ANONYMOUS = "X-Test-Anonymous";

  @RequestFilter
  public void authenticate(MutableHttpRequest<?> request) {
    if (request.getHeaders().contains(ANONYMOUS)) {
      request.getHeaders().remove(ANONYMOUS);
      return;
    }
    if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
      request.bearerAuth(TestCredentials.ADMIN_TOKEN);
    }
  }
}
