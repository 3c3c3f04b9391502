package io.tessera.catalogserver.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.IpPatternsRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Credentials that were sent and are not valid (unknown, expired, revoked, a bad signature, not a
 * bearer token) are a 401 wherever they are sent, even where no credentials are needed: the caller
 * meant to be someone, and must learn that it is not. Runs before every other rule.
 */
@Singleton
public class PresentedCredentialsRule implements SecurityRule<HttpRequest<?>> {
  /** Before Micronaut's rules (IP patterns, {@code @Secured}, intercept-url-map, endpoints). */
  public static final int ORDER = IpPatternsRule.ORDER - 100;

  @Override
  public Publisher<SecurityRuleResult> check(
      HttpRequest<?> request, @Nullable Authentication authentication) {
    return Publishers.just(
        authentication == null && Credentials.presented(request)
            ? SecurityRuleResult.REJECTED
            : SecurityRuleResult.UNKNOWN);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
