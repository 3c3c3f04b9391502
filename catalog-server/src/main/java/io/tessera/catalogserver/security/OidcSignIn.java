package io.tessera.catalogserver.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import io.micronaut.security.oauth2.endpoint.endsession.request.EndSessionEndpoint;
import io.micronaut.security.oauth2.endpoint.endsession.response.EndSessionCallbackUrlBuilder;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * What sign-in with OpenID Connect adds to Micronaut Security when {@code tessera.oidc.enabled}:
 * the key session cookies are signed with (Micronaut's token generator takes the signature named
 * {@code generator}), and the provider's end-session endpoint for signing out, with the ID token as
 * {@code id_token_hint}, for any provider whose discovery document names one (Micronaut knows only
 * some providers' by name).
 */
@Factory
@Requires(property = "tessera.oidc.enabled", value = "true")
public class OidcSignIn {

  /**
   * Signs and verifies session cookies (HS256 with the session key). Declared as the interface: a
   * factory method returning {@link SecretSignature} would take on that class's own bean
   * conditions.
   */
  @Singleton
  @Named("generator")
  SignatureGeneratorConfiguration sessionSignature(SignInSessions sessions, OidcConfig config) {
    requireClient(config);
    SecretSignatureConfiguration signature = new SecretSignatureConfiguration("generator");
    signature.setSecret(new String(sessions.key(), StandardCharsets.UTF_8));
    signature.setJwsAlgorithm(JWSAlgorithm.HS256);
    return new SecretSignature(signature);
  }

  /**
   * The provider's {@code end_session_endpoint} from its discovery document, or straight back to
   * the catalog when it has none.
   */
  @Singleton
  @Named(OidcConfig.CLIENT)
  EndSessionEndpoint endSession(
      @Named(OidcConfig.CLIENT) Provider<DefaultOpenIdProviderMetadata> metadata,
      EndSessionCallbackUrlBuilder<HttpRequest<?>> afterSignOut,
      OidcConfig config) {
    return new EndSessionEndpoint() {
      @Override
      public @Nullable String getUrl(HttpRequest<?> originating, Authentication authentication) {
        String back = afterSignOut.build(originating).toString();
        String endpoint = metadata.get().getEndSessionEndpoint();
        if (endpoint == null || endpoint.isBlank()) {
          return back;
        }
        UriBuilder url =
            UriBuilder.of(endpoint)
                .queryParam("client_id", config.clientId())
                .queryParam("post_logout_redirect_uri", back);
        if (authentication.getAttributes().get(OpenIdAuthenticationMapper.OPENID_TOKEN_KEY)
            instanceof String idToken) {
          url.queryParam("id_token_hint", idToken);
        }
        return url.toString();
      }
    };
  }

  private static void requireClient(OidcConfig config) {
    if (isBlank(config.issuer()) || isBlank(config.clientId())) {
      throw new IllegalStateException(
          "tessera.oidc.enabled needs tessera.oidc.issuer and tessera.oidc.client-id"
              + " (TESSERA_OIDC_ISSUER, TESSERA_OIDC_CLIENT_ID)");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
