package io.tessera.catalogserver.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.problem.ProblemType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The REST API's OpenAPI document, generated at build time, as served at {@code
 * /openapi/tessera.yml} to a caller without credentials (anonymous reads off): it parses as valid
 * OpenAPI 3 with swagger-parser, lists the REST API's paths and only those, names the bearer
 * security scheme and the RFC 7807 problem; and the API explorer page that shows it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentIT implements TestPropertyProvider {
  @Inject EmbeddedServer server;

  private final HttpClient client = HttpClient.newHttpClient();
  private HttpResponse<String> served;
  private OpenAPI document;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-openapi-it");
  }

  @BeforeAll
  void readTheDocument() throws Exception {
    served = get("/openapi/tessera.yml");
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(served.body(), null, options);
    assertThat(parsed.getMessages()).as("swagger-parser's complaints").isEmpty();
    document = parsed.getOpenAPI();
  }

  @Test
  void shouldServeTheDocumentToAnyoneAsValidOpenApi3() throws Exception {
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).startsWith("openapi: 3.");
    assertThat(document.getOpenapi()).startsWith("3.");
    assertThat(document.getInfo().getTitle()).isEqualTo("Tessera REST API");
    assertThat(document.getInfo().getDescription()).contains("RFC 7807");
    assertThat(get("/api/v1/domains").statusCode())
        .as("the API itself stays closed")
        .isEqualTo(401);
  }

  @Test
  void shouldDocumentTheAsOfParameterOfTheReadsThatTakeIt() {
    for (String path :
        java.util.List.of(
            "/api/v1/products/{domain}/{name}", "/api/v1/products", "/api/v1/lineage")) {
      var asOf =
          document.getPaths().get(path).getGet().getParameters().stream()
              .filter(p -> "asOf".equals(p.getName()))
              .findFirst();
      assertThat(asOf).as(path).isPresent();
      assertThat(asOf.get().getIn()).isEqualTo("query");
      assertThat(asOf.get().getDescription()).as(path).contains("2026-03-01T12:00:00Z");
    }
  }

  @Test
  void shouldListTheRestApiPathsAndOnlyThose() {
    assertThat(document.getPaths())
        .containsKeys(
            "/api/v1/descriptors",
            "/api/v1/products/{domain}/{name}",
            "/api/v1/lineage",
            "/api/v1/search",
            "/api/v1/domains");
    assertThat(document.getPaths().keySet()).allMatch(path -> path.startsWith("/api/v1/"));
    assertThat(document.getPaths().get("/api/v1/lineage").getPost()).isNotNull();
    assertThat(document.getPaths().get("/api/v1/products/{domain}/{name}").getGet().getSummary())
        .isNotBlank();
  }

  @Test
  void shouldRequireTheBearerTokenScheme() {
    SecurityScheme bearer = document.getComponents().getSecuritySchemes().get("bearer");
    assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
    assertThat(bearer.getScheme()).isEqualTo("bearer");
    assertThat(document.getSecurity()).anySatisfy(r -> assertThat(r).containsKey("bearer"));
  }

  @Test
  void shouldDescribeTheProblemWithEveryProblemType() {
    Schema<?> problem = document.getComponents().getSchemas().get("Problem");
    assertThat(problem.getRequired()).contains("type", "title", "status");
    Schema<?> type = (Schema<?>) problem.getProperties().get("type");
    assertThat(type.getEnum().stream().map(String::valueOf))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ProblemType.values()).map(ProblemType::uri).toList());
    assertThat(
            document
                .getComponents()
                .getResponses()
                .get("Problem")
                .getContent()
                .get("application/problem+json"))
        .isNotNull();
  }

  @Test
  void shouldServeTheApiExplorerFromThisServerOnly() throws Exception {
    HttpResponse<String> shortcut = get("/api-explorer");
    assertThat(shortcut.statusCode()).isEqualTo(303);
    assertThat(shortcut.headers().firstValue("Location")).hasValue("/api-explorer/index.html");

    HttpResponse<String> page = get("/api-explorer/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("/vendor/swagger-ui/swagger-ui-bundle.js", "/js/api-explorer-start.js")
        .contains("data-url=\"/openapi/tessera.yml\"")
        .doesNotContain("https://", "<script>");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'");
    for (String asset :
        new String[] {
          "/vendor/swagger-ui/swagger-ui-bundle.js",
          "/vendor/swagger-ui/swagger-ui.css",
          "/js/api-explorer-start.js"
        }) {
      assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(server.getURI() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
