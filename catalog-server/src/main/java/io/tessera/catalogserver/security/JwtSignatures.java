package io.tessera.catalogserver.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfigurationProperties;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The keys JWTs are verified with, from Tessera's settings: an HS256/384/512 shared secret ({@code
 * TESSERA_JWT_SECRET}) and/or an identity provider's JWKS ({@code TESSERA_JWT_JWKS_URL}, RSA and EC
 * keys, fetched and cached by Micronaut Security). Neither set: no JWT is accepted.
 */
@Factory
public class JwtSignatures {
  /** The name of the signature configurations Tessera defines. */
  static final String NAME = "tessera";

  private static final String NOT_BLANK = "(?s).*\\S.*";

  /** Verifies JWTs signed with the shared secret. */
  @Singleton
  @Named(NAME)
  @Requires(property = "tessera.security.jwt-secret", pattern = NOT_BLANK)
  SignatureConfiguration sharedSecret(SecurityConfig config) {
    String secret = config.jwtSecret().strip();
    if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalStateException(
          "tessera.security.jwt-secret must be at least 32 bytes for HS256");
    }
    SecretSignatureConfiguration signature = new SecretSignatureConfiguration(NAME);
    signature.setSecret(secret);
    signature.setJwsAlgorithm(JWSAlgorithm.HS256);
    return new SecretSignature(signature);
  }

  /** The identity provider's JWKS; Micronaut Security makes a signature of each such bean. */
  @Singleton
  @Named(NAME)
  @Requires(property = "tessera.security.jwt-jwks-url", pattern = NOT_BLANK)
  JwksSignatureConfiguration identityProviderKeys(SecurityConfig config) {
    String url = config.jwtJwksUrl().strip();
    try {
      URI.create(url).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new IllegalStateException("tessera.security.jwt-jwks-url is not a URL", e);
    }
    JwksSignatureConfigurationProperties keys = new JwksSignatureConfigurationProperties(NAME);
    keys.setUrl(url);
    return keys;
  }
}
