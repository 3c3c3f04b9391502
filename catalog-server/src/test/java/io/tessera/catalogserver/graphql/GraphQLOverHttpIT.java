package io.tessera.catalogserver.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code /graphql} and the GraphQL over HTTP specification's media types, over real HTTP: {@code
 * application/graphql-response+json} on its own is answered in that type, with {@code 400} when the
 * request has no {@code data} (it did not parse or validate); {@code application/json} keeps its
 * {@code 200}s.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLOverHttpIT implements TestPropertyProvider {
  private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;

  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-graphql-over-http-it");
  }

  @Test
  void shouldAnswerInGraphqlResponseJsonWhenOnlyThatIsAccepted() throws Exception {
    HttpResponse<String> response =
        post("application/json", "{\"query\":\"{ __typename }\"}", GRAPHQL_RESPONSE);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(contentType(response)).startsWith(GRAPHQL_RESPONSE);
    assertThat(json(response).path("data").path("__typename").asText()).isEqualTo("Query");
  }

  @Test
  void shouldAnswerAGraphqlBodyInGraphqlResponseJson() throws Exception {
    HttpResponse<String> response = post("application/graphql", "{ __typename }", GRAPHQL_RESPONSE);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(contentType(response)).startsWith(GRAPHQL_RESPONSE);
    assertThat(json(response).path("data").path("__typename").asText()).isEqualTo("Query");
  }

  @ParameterizedTest
  @CsvSource({"'{ __typename', InvalidSyntax", "'{ noSuchField }', ValidationError"})
  void shouldAnswer400WithoutDataWhenTheDocumentFailsInGraphqlResponseJson(
      String query, String classification) throws Exception {
    HttpResponse<String> response =
        post("application/json", JSON.writeValueAsString(Map.of("query", query)), GRAPHQL_RESPONSE);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(contentType(response)).startsWith(GRAPHQL_RESPONSE);
    JsonNode body = json(response);
    assertThat(body.has("data")).isFalse();
    assertThat(body.path("errors").toString()).contains(classification);
  }

  @Test
  void shouldKeepAnswering200InApplicationJsonWhenTheDocumentFails() throws Exception {
    HttpResponse<String> response =
        post("application/json", "{\"query\":\"{ __typename\"}", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).startsWith("application/json");
    assertThat(json(response).path("errors").isArray()).isTrue();
  }

  @Test
  void shouldRefuseAMalformedRequestIn400GraphqlResponseJson() throws Exception {
    HttpResponse<String> response = post("application/json", "{\"query\": 42", GRAPHQL_RESPONSE);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(contentType(response)).startsWith(GRAPHQL_RESPONSE);
    assertThat(json(response).path("errors").path(0).path("extensions").path("code").asText())
        .isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "'application/graphql-response+json, application/json;q=0.9', application/graphql-response+json",
    "'application/json, application/graphql-response+json;q=0.5', application/json",
    "*/*, application/json"
  })
  void shouldPickTheMediaTypeTheAcceptHeaderPrefers(String accept, String expected)
      throws Exception {
    HttpResponse<String> response =
        post("application/json", "{\"query\":\"{ __typename }\"}", accept);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).startsWith(expected);
  }

  @Test
  void shouldAnswerAQueryStringGetInGraphqlResponseJson() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/graphql?query=%7B%20__typename%20%7D"))
                .header("Accept", GRAPHQL_RESPONSE)
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).startsWith(GRAPHQL_RESPONSE);
  }

  @Test
  void shouldRefuseAnAcceptHeaderWithNeitherMediaType() throws Exception {
    HttpResponse<String> response =
        post("application/json", "{\"query\":\"{ __typename }\"}", "text/html");

    assertThat(response.statusCode()).isEqualTo(406);
  }

  private HttpResponse<String> post(String contentType, String body, String accept)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri("/graphql"))
            .header("Content-Type", contentType)
            .header("Accept", accept)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(
        request
            .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return server.getURI().resolve(path);
  }

  private static String contentType(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }
}
