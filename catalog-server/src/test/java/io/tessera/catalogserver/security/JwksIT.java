package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * JWT bearer tokens verified with the keys an identity provider publishes as a JWKS: a real RSA key
 * pair, its public half served over HTTP as the provider would, tokens signed with the private half
 * accepted and mapped to roles and attributes, tokens signed by another key or naming an unknown
 * key refused.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksIT implements TestPropertyProvider {
  private final RSAKey key = generate("idp-key-1");
  private final AtomicInteger fetches = new AtomicInteger();
  private HttpServer idp;

  @Inject EmbeddedServer server;

  private SecurityHttp http;

  @Override
  public Map<String, String> getProperties() {
    try {
      idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
      idp.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(jwks);
            }
          });
      idp.start();
      return TestServer.properties(
          "tessera-jwks-it",
          "tessera.security.jwt-jwks-url",
          "http://127.0.0.1:" + idp.getAddress().getPort() + "/.well-known/jwks.json",
          "tessera.security.jwt-issuer",
          "https://idp.example");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void connect() {
    http = new SecurityHttp(server.getURI());
  }

  @AfterAll
  void stopTheIdentityProvider() {
    idp.stop(0);
  }

  @Test
  void shouldAcceptATokenSignedWithAPublishedKeyAndMapItsClaims() throws Exception {
    String token = sign(key, key.getKeyID(), "https://idp.example", Instant.now().plusSeconds(300));

    JsonNode me =
        http.post(
                "/graphql",
                token,
                "{\"query\":\"{ me { subject anonymous roles attributes { name values } } }\"}",
                "application/json")
            .ok()
            .path("data")
            .path("me");

    assertThat(me.path("subject").asText()).isEqualTo("idp-analyst");
    assertThat(me.path("anonymous").asBoolean()).isFalse();
    assertThat(me.path("roles").toString()).contains("consumer").doesNotContain("admin");
    assertThat(me.path("attributes").toString()).contains("region", "eu");
    assertThat(fetches.get()).as("the key came from the JWKS endpoint").isPositive();
    // a consumer may read, and may not write
    assertThat(http.get("/api/v1/domains", token).status()).isEqualTo(200);
    JsonNode denied =
        http.post(
                "/api/v1/descriptors",
                token,
                "apiVersion: tessera/v1\nkind: Domain\nmetadata: {name: sales}\n"
                    + "spec: {title: Sales, owner: \"mailto:s@example.com\"}\n",
                "application/yaml")
            .problem(403, "forbidden");
    assertThat(denied.path("detail").asText()).contains("missing permission");
  }

  @Test
  void shouldRefuseTokensTheIdentityProviderDidNotSign() throws Exception {
    Instant later = Instant.now().plusSeconds(300);
    RSAKey other = generate(key.getKeyID());
    for (String token :
        List.of(
            sign(other, key.getKeyID(), "https://idp.example", later),
            sign(other, "unknown-key", "https://idp.example", later),
            sign(key, key.getKeyID(), "https://other-issuer.example", later),
            sign(key, key.getKeyID(), "https://idp.example", Instant.now().minusSeconds(600)))) {
      SecurityHttp.Reply reply = http.get("/api/v1/domains", token);
      reply.problem(401, "unauthorized");
      assertThat(reply.body()).doesNotContain(token);
    }
  }

  private static String sign(RSAKey signer, String keyId, String issuer, Instant expiry)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("idp-analyst")
            .issuer(issuer)
            .claim("roles", List.of("consumer"))
            .claim("region", List.of("eu"))
            .expirationTime(Date.from(expiry))
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
