package io.tessera.catalogserver.security;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.oauth2.ProviderResolver;
import io.micronaut.security.oauth2.routes.DefaultEndSessionController;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /oauth/logout}: signs out. The session cookie is cleared and the session refused from
 * now on ({@link SignInSessions}) before the browser is sent to the provider's end-session endpoint
 * (which sends it back to the catalog), so signing out does not depend on the provider.
 */
@Singleton
@Replaces(DefaultEndSessionController.class)
@Requires(property = "tessera.oidc.enabled", value = "true")
public class OidcSignOut extends DefaultEndSessionController {
  private final SignInSessions sessions;
  private final AccessTokenCookieConfiguration cookie;
  private final OidcConfig config;

  public OidcSignOut(
      ProviderResolver providerResolver,
      BeanContext beanContext,
      SignInSessions sessions,
      AccessTokenCookieConfiguration cookie,
      OidcConfig config) {
    super(providerResolver, beanContext);
    this.sessions = sessions;
    this.cookie = cookie;
    this.config = config;
  }

  @Override
  public Optional<MutableHttpResponse<?>> endSession(
      HttpRequest<?> request, Authentication authentication) {
    sessions.signOut(authentication, Instant.now().plusSeconds(config.sessionSeconds() + 60L));
    MutableHttpResponse<?> response =
        super.endSession(request, authentication)
            .orElseGet(() -> HttpResponse.seeOther(URI.create("/")));
    Cookie cleared =
        Cookie.of(cookie.getCookieName(), "").configure(cookie, request.isSecure()).maxAge(0);
    return Optional.of(response.cookie(cleared));
  }
}
