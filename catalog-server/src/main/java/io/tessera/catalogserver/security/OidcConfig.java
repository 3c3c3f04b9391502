package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Sign-in with OpenID Connect ({@code tessera.oidc.*}): the identity provider's issuer and this
 * catalog's client at it. Micronaut Security's OAuth 2.0 client reads the same values (see {@code
 * micronaut.security.oauth2.clients.tessera} in application.yml); the claims of the ID token are
 * mapped by {@link JwtPrincipalFactory}, as for bearer JWTs.
 *
 * @param enabled whether people may sign in with the identity provider ({@code
 *     TESSERA_OIDC_ENABLED}); off by default
 * @param issuer the provider's issuer URL; its {@code /.well-known/openid-configuration} is read at
 *     start-up
 * @param clientId this catalog's client id at the provider
 * @param clientSecret the client's secret
 * @param sessionSecret the key the session cookie is signed with (at least 32 bytes); blank: a
 *     random key per start, so sessions end when the server restarts and are not shared between
 *     servers
 * @param sessionSeconds how long a sign-in lasts, in seconds (the session cookie's lifetime)
 * @param cookieSecure whether the session cookie is {@code Secure}: {@code true}, {@code false}, or
 *     blank to follow the request (secure over https)
 */
@ConfigurationProperties("tessera.oidc")
public record OidcConfig(
    @Bindable(defaultValue = "false") boolean enabled,
    @Nullable String issuer,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String sessionSecret,
    @Bindable(defaultValue = "28800") int sessionSeconds,
    @Nullable String cookieSecure) {

  /** The name of the OAuth client (and of its routes: {@code /oauth/login/tessera}). */
  public static final String CLIENT = "tessera";

  /** Where the browser starts signing in. */
  public static final String LOGIN_PATH = "/oauth/login/" + CLIENT;

  /** Where the browser signs out (the provider's end-session endpoint, when it has one). */
  public static final String LOGOUT_PATH = "/oauth/logout";
}
