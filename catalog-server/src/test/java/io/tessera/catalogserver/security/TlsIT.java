package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTPS with a PKCS12 keystore, as docs/security.md configures it: a self-signed certificate made
 * by keytool for this test, a client that trusts exactly that certificate, and one that does not.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsIT implements TestPropertyProvider {
  private static final String PASSWORD = "changeit-test";

  @Inject EmbeddedServer server;

  private Path keystore;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path dir = Files.createTempDirectory("tessera-tls-it");
      keystore = dir.resolve("tessera.p12");
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process =
          new ProcessBuilder(
                  List.of(
                      keytool.toString(),
                      "-genkeypair",
                      "-alias",
                      "tessera",
                      "-keyalg",
                      "RSA",
                      "-keysize",
                      "2048",
                      "-validity",
                      "2",
                      "-dname",
                      "CN=localhost",
                      "-ext",
                      "SAN=dns:localhost,ip:127.0.0.1",
                      "-storetype",
                      "PKCS12",
                      "-keystore",
                      keystore.toString(),
                      "-storepass",
                      PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor()).as(output).isZero();
      return Map.of(
          "tessera.data-dir", dir.resolve("data").toString(),
          "micronaut.server.port", "-1",
          "micronaut.server.ssl.enabled", "true",
          "micronaut.server.ssl.port", "-1",
          "micronaut.server.ssl.build-self-signed", "false",
          "micronaut.server.ssl.key-store.path", "file:" + keystore,
          "micronaut.server.ssl.key-store.type", "PKCS12",
          "micronaut.server.ssl.key-store.password", PASSWORD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldServeTheApiOverHttpsWithTheConfiguredCertificate() throws Exception {
    URI base = URI.create("https://localhost:" + server.getPort());
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting(keystore))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/domains"))
                .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    SSLSession session = response.sslSession().orElseThrow();
    X509Certificate certificate = (X509Certificate) session.getPeerCertificates()[0];
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");

    HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(
            () ->
                untrusting.send(
                    HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  private static SSLContext trusting(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("tessera", store.getCertificate("tessera"));
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
