package io.tessera.catalogserver.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * Cross-site request forgery: a request that changes something (any method but {@code GET}, {@code
 * HEAD}, {@code OPTIONS}) and is authenticated only by the sign-in session cookie must carry the
 * {@value #HEADER} header, which the UI sends on every call. A page on another site cannot send it:
 * a custom header makes a cross-origin request need a CORS preflight, which this server never
 * grants; and the cookie is {@code SameSite=Lax}, so browsers leave it off cross-site posts anyway.
 * Bearer credentials (API tokens, JWTs) are never sent by a browser on its own and need no header.
 * A refusal is a 403 saying what is missing.
 */
@Singleton
public class CrossSiteRequestRule implements SecurityRule<HttpRequest<?>> {
  /** The header the UI sends with every API call. */
  public static final String HEADER = "X-Tessera-Request";

  /** Right after {@link PresentedCredentialsRule}, before any rule may allow the request. */
  public static final int ORDER = PresentedCredentialsRule.ORDER + 1;

  private static final String REFUSAL = CrossSiteRequestRule.class.getName() + ".refused";
  private static final Set<HttpMethod> SAFE =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  @Override
  public Publisher<SecurityRuleResult> check(
      HttpRequest<?> request, @Nullable Authentication authentication) {
    boolean bySession =
        authentication != null
            && authentication.getAttributes().get(SignInSessions.SESSION) instanceof String
            && !Credentials.presented(request);
    if (bySession
        && !SAFE.contains(request.getMethod())
        && request.getHeaders().get(HEADER, String.class).filter(v -> !v.isBlank()).isEmpty()) {
      request.setAttribute(
          REFUSAL,
          "a change made with the sign-in session cookie must send the "
              + HEADER
              + " header (the catalog's UI does; a page on another site cannot)");
      return Publishers.just(SecurityRuleResult.REJECTED);
    }
    return Publishers.just(SecurityRuleResult.UNKNOWN);
  }

  /** Why this rule refused the request, if it did. */
  static Optional<String> refusal(HttpRequest<?> request) {
    return request.getAttribute(REFUSAL, String.class);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
