package io.tessera.catalogserver.graphql;

import com.netflix.graphql.dgs.client.CustomGraphQLClient;
import com.netflix.graphql.dgs.client.GraphQLResponse;
import io.tessera.catalogserver.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A stock GraphQL client (Netflix DGS's {@link CustomGraphQLClient}) talking to the server over
 * real HTTP through the JDK's HTTP client, plus helpers to read errors. Every request carries the
 * test admin token ({@link TestCredentials}) unless the client was made with another token.
 */
public final class GraphQLTestClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URL base;
  private final CustomGraphQLClient client;
  private final String authorization;

  GraphQLTestClient(URL base) {
    this(base, TestCredentials.ADMIN_TOKEN);
  }

  /** A client that sends this API token (or JWT) instead of the admin token. */
  public GraphQLTestClient(URL base, String token) {
    this.base = base;
    this.authorization = "Bearer " + token;
    this.client = new CustomGraphQLClient(base + "/graphql", this::post);
  }

  public GraphQLResponse query(String query) {
    return client.executeQuery(query);
  }

  GraphQLResponse query(String query, Map<String, Object> variables) {
    return client.executeQuery(query, variables);
  }

  /** The response, which must have no errors. */
  public GraphQLResponse ok(String query, Map<String, Object> variables) {
    GraphQLResponse response = client.executeQuery(query, variables);
    if (response.hasErrors()) {
      throw new AssertionError("unexpected errors: " + response.getJson());
    }
    return response;
  }

  GraphQLResponse ok(String query) {
    return ok(query, Map.of());
  }

  static List<String> codes(GraphQLResponse response) {
    return response.getParsed().read("$.errors[*].extensions.code");
  }

  static <T> T read(GraphQLResponse response, String jsonPath) {
    return response.getParsed().read(jsonPath);
  }

  /** A plain GET on the server, for what is not GraphQL (GraphiQL's page and assets). */
  HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", authorization)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A plain JSON POST, for OpenLineage events. */
  HttpResponse<String> postJson(String path, String body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .header("Authorization", authorization)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private com.netflix.graphql.dgs.client.HttpResponse post(
      String url, Map<String, ? extends List<String>> headers, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new com.netflix.graphql.dgs.client.HttpResponse(
          response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
