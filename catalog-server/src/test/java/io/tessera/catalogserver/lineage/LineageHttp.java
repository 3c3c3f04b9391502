package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.lineage.LineageProjection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lineage API of a running test server, over plain JDK HTTP (so status codes, headers and raw
 * bodies such as gzip are exactly what was sent and received), plus waiting for the asynchronous
 * projection with a deadline.
 */
final class LineageHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String INVALID_EVENT = "https://w3id.org/tessera/problems/invalid-event";
  static final Duration PROJECTION_DEADLINE = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final LineageProjection projection;

  LineageHttp(URI base, LineageProjection projection) {
    this.base = base;
    this.projection = projection;
  }

  /** A response: status, content type and body. */
  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    /** The fields the {@code errors} of a problem name. */
    List<String> errorFields() {
      List<String> fields = new ArrayList<>();
      json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      return fields;
    }
  }

  URI base() {
    return base;
  }

  Reply send(String method, String path, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    if (headers.keySet().stream().noneMatch("Authorization"::equalsIgnoreCase)) {
      request.header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts one event as JSON. */
  Reply post(String eventJson) {
    return post(eventJson.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Reply post(byte[] body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.putAll(extraHeaders);
    return send("POST", "/api/v1/lineage", body, headers);
  }

  /** Posts one event and asserts it is journaled (201); returns {@code {id, duplicate}}. */
  JsonNode accept(Object event) {
    String json = event.toString();
    Reply reply = post(json);
    assertThat(reply.status())
        .as("POST /api/v1/lineage: %s%n%s", reply.body(), json)
        .isEqualTo(201);
    JsonNode body = reply.json();
    assertThat(body.path("id").asLong()).isPositive();
    assertThat(body.path("duplicate").isBoolean()).isTrue();
    return body;
  }

  /** Posts events in order; returns the highest journal id. */
  long acceptAll(List<?> events) {
    long last = 0;
    for (Object event : events) {
      last = Math.max(last, accept(event).path("id").asLong());
    }
    return last;
  }

  /** Posts an event that must be rejected as invalid; returns the problem reply. */
  Reply reject(Object event) {
    Reply reply = post(event.toString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().path("type").asText()).isEqualTo(INVALID_EVENT);
    return reply;
  }

  /** A GET that must answer 200 with JSON. */
  JsonNode get(String pathAndQuery) {
    Reply reply = send("GET", pathAndQuery, null, Map.of("Accept", "application/json"));
    assertThat(reply.status()).as("GET %s: %s", pathAndQuery, reply.body()).isEqualTo(200);
    return reply.json();
  }

  JsonNode lineage(String nodeId, int depth, String direction) {
    return get(
        "/api/v1/lineage?traversal=directed&nodeId="
            + q(nodeId)
            + "&depth="
            + depth
            + "&direction="
            + direction);
  }

  JsonNode columnLineage(String nodeId, String field, int depth, String direction) {
    return get(
        "/api/v1/column-lineage?nodeId="
            + q(nodeId)
            + "&field="
            + q(field)
            + "&depth="
            + depth
            + "&direction="
            + direction);
  }

  /** The lineage graph's nodes by id. */
  static Map<String, JsonNode> nodesById(JsonNode lineage) {
    Map<String, JsonNode> nodes = new LinkedHashMap<>();
    lineage.path("graph").forEach(n -> nodes.put(n.path("id").asText(), n));
    return nodes;
  }

  /** Applies tessera/v1 descriptors (YAML) and asserts they were applied. */
  JsonNode applyDescriptors(String yaml) {
    Reply reply =
        send(
            "POST",
            "/api/v1/descriptors",
            yaml.getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/yaml", "Accept", "application/json"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  JsonNode status() {
    return get("/api/v1/admin/lineage/status");
  }

  /** Waits (with a deadline) until the journal is projected through the id. */
  void awaitProjected(long id) {
    try {
      assertThat(projection.awaitProjected(id, PROJECTION_DEADLINE))
          .as(
              "journal projected through %d within %s (status %s)",
              id, PROJECTION_DEADLINE, projection.status())
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until everything in the journal now is projected. */
  void awaitAllProjected() {
    awaitProjected(projection.status().journal());
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
