package io.tessera.catalogserver.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain JDK HTTP calls with an explicit bearer token (or none), for the security tests. */
final class SecurityHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PROBLEMS = "https://w3id.org/tessera/problems/";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  SecurityHttp(URI base) {
    this.base = base;
  }

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(body, e);
      }
    }

    /** Asserts a problem document of this type and returns it. */
    JsonNode problem(int expectedStatus, String type) {
      assertThat(status).as(body).isEqualTo(expectedStatus);
      assertThat(contentType).startsWith("application/problem+json");
      JsonNode problem = json();
      assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + type);
      return problem;
    }

    JsonNode ok() {
      assertThat(status).as(body).isBetween(200, 201);
      return json();
    }
  }

  Reply get(String path, String token) {
    return send("GET", path, token, null, null, "application/json");
  }

  Reply get(String path, String token, String accept) {
    return send("GET", path, token, null, null, accept);
  }

  Reply post(String path, String token, String body, String contentType) {
    return send("POST", path, token, body, contentType, "application/json");
  }

  Reply put(String path, String token, String body) {
    return send("PUT", path, token, body, "application/json", "application/json");
  }

  Reply delete(String path, String token) {
    return send("DELETE", path, token, null, null, "application/json");
  }

  Reply send(
      String method, String path, String token, String body, String contentType, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", accept)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
