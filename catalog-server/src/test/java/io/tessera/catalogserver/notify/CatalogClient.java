package io.tessera.catalogserver.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The catalog's REST API as the notification tests call it, with the JDK's HTTP client. */
final class CatalogClient {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = TestCredentials.ADMIN_TOKEN;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String base;

  CatalogClient(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  JsonNode subscribe(String token, String product, String channel, String url, List<String> types)
      throws Exception {
    return subscribe(token, product, channel, url, types, null);
  }

  JsonNode subscribe(
      String token, String product, String channel, String url, List<String> types, String email)
      throws Exception {
    HttpResponse<String> r =
        call("POST", "/api/v1/subscriptions", body(product, channel, url, types, email), token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  static String body(String product, String channel, String url, List<String> types, String email)
      throws Exception {
    Map<String, Object> b = new java.util.LinkedHashMap<>();
    b.put("product", product);
    b.put("channel", channel);
    b.put("url", url);
    b.put("types", types);
    b.put("email", email);
    b.values().removeIf(java.util.Objects::isNull);
    return JSON.writeValueAsString(b);
  }

  JsonNode deliveries(String token, String id) throws Exception {
    HttpResponse<String> r =
        call("GET", "/api/v1/subscriptions/" + id + "/deliveries", null, token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  List<String> errors(HttpResponse<String> r) throws Exception {
    List<String> found = new ArrayList<>();
    JSON.readTree(r.body())
        .path("errors")
        .forEach(e -> found.add(e.path("field").asText() + ": " + e.path("message").asText()));
    return found;
  }

  String token(String subject) throws Exception {
    return tokenIssued(subject).path("secret").asText();
  }

  JsonNode tokenIssued(String subject) throws Exception {
    HttpResponse<String> r =
        call(
            "POST",
            "/api/v1/tokens",
            "{\"subject\":\"" + subject + "\",\"roles\":[\"consumer\"]}",
            ADMIN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  void apply(String yaml) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/v1/descriptors"))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "application/yaml")
            .POST(HttpRequest.BodyPublishers.ofString(yaml))
            .build();
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  static String domain(String name) {
    return """
        apiVersion: tessera/v1
        kind: Domain
        metadata:
          name: %s
        spec:
          title: Notify
          description: Products for notification tests.
          owner: mailto:domain-owner@example.com
        """
        .formatted(name);
  }

  static String product(String domain, String name, String revision) {
    return """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata:
          domain: %s
          name: %s
        spec:
          title: %s
          description: The %s revision.
          owner: mailto:owner-%s@example.com
          lifecycle: design
        """
        .formatted(domain, name, name, revision, name);
  }

  HttpResponse<String> call(String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
