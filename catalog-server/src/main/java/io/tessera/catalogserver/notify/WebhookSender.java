package io.tessera.catalogserver.notify;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends a delivery's CloudEvents JSON (structured mode) by HTTP POST with the JDK client: {@code
 * Content-Type: application/cloudevents+json}, {@code Tessera-Signature: sha256=<hex HMAC-SHA256 of
 * the body with the subscription's secret>}, {@code Tessera-Timestamp} (epoch seconds of the
 * attempt) and {@code Tessera-Delivery} (the delivery's id). Redirects are not followed.
 */
@Singleton
public class WebhookSender {
  /** The signature header. */
  public static final String SIGNATURE = "Tessera-Signature";

  /** The attempt's time header. */
  public static final String TIMESTAMP = "Tessera-Timestamp";

  private final HttpClient http;
  private final Duration timeout;

  public WebhookSender(NotifyConfig config) {
    this.timeout = config.timeout();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The HTTP status, or a failed future on a timeout or a connection error. */
  public CompletableFuture<Integer> send(String url, String secret, String body, long deliveryId) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", "application/cloudevents+json")
            .header("User-Agent", "Tessera-Webhooks/1")
            .header(SIGNATURE, "sha256=" + sign(secret, body))
            .header(TIMESTAMP, Long.toString(Instant.now().getEpochSecond()))
            .header("Tessera-Delivery", Long.toString(deliveryId))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }

  /** Hex HMAC-SHA256 of the body with the secret. */
  public static String sign(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @PreDestroy
  void close() {
    http.shutdownNow();
  }
}
