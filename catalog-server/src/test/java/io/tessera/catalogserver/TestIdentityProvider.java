package io.tessera.catalogserver;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * An OpenID Connect provider in the test JVM (NAV's mock-oauth2-server): discovery, JWKS, the
 * authorization code flow with PKCE, an end-session endpoint. Who signs in next and with which
 * claims is set with {@link #nextSignIn}; without it the provider signs in a default subject.
 */
public final class TestIdentityProvider implements AutoCloseable {
  /** The issuer id in the provider's URLs ({@code http://localhost:port/tessera-idp}). */
  public static final String ISSUER_ID = "tessera-idp";

  /** The catalog's client id at the provider. */
  public static final String CLIENT_ID = "tessera-catalog";

  /** On its Netty server (okhttp's MockWebServer, the default, needs JUnit 4). */
  private final MockOAuth2Server server =
      new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"httpServer\":\"NettyWrapper\"}"));

  /** Starts the provider on a free port. */
  public TestIdentityProvider() {
    server.start();
  }

  /** The issuer URL the catalog is configured with. */
  public String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /** The end-session endpoint the provider's discovery document names. */
  public String endSessionEndpoint() {
    return server.endSessionEndpointUrl(ISSUER_ID).toString();
  }

  /**
   * The settings that turn sign-in on against this provider, as key, value, key, value, … (for
   * {@link TestServer#properties}).
   */
  public String[] settings(String... more) {
    String[] base = {
      "tessera.oidc.enabled",
      "true",
      "tessera.oidc.issuer",
      issuer(),
      "tessera.oidc.client-id",
      CLIENT_ID,
      "tessera.oidc.client-secret",
      "tessera-catalog-secret",
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  /** The next sign-in is {@code subject} with these claims in its ID token. */
  public void nextSignIn(String subject, Map<String, Object> claims) {
    server.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
  }

  /** An access token of the provider for {@code subject} (a bearer JWT as pipelines get them). */
  public String accessToken(String subject, Map<String, Object> claims) {
    return server.issueToken(ISSUER_ID, subject, CLIENT_ID, claims).serialize();
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
