package io.tessera.catalogserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain JDK HTTP calls with an explicit bearer token (or none) and headers, for tests. */
public final class PlainHttp {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  public PlainHttp(URI base) {
    this.base = base;
  }

  /** A response: status, headers of interest and body. */
  public record Reply(int status, HttpResponseHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }

    public String header(String name) {
      return headers.first(name);
    }
  }

  /** Headers of a response. */
  public record HttpResponseHeaders(java.net.http.HttpHeaders headers) {
    public String first(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Reply get(String path, String token) {
    return get(path, token, Map.of());
  }

  public Reply get(String path, String token, Map<String, String> headers) {
    return send("GET", path, token, null, null, headers);
  }

  public Reply post(String path, String token, String body, String contentType) {
    return send("POST", path, token, body, contentType, Map.of());
  }

  public Reply send(
      String method,
      String path,
      String token,
      String body,
      String contentType,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (!headers.containsKey("Accept")) {
      request.header("Accept", "application/json");
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(), new HttpResponseHeaders(response.headers()), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens a streaming GET (server-sent events); the caller closes the stream. */
  public HttpResponse<InputStream> stream(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
