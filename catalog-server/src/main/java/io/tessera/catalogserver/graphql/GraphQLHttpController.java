package io.tessera.catalogserver.graphql;

import io.micronaut.configuration.graphql.GraphQLController;
import io.micronaut.configuration.graphql.GraphQLExecutionResultHandler;
import io.micronaut.configuration.graphql.GraphQLInvocation;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.configuration.graphql.GraphQLJsonSerializer;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.web.LimitsConfig;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code GET} and {@code POST /graphql}, in place of micronaut-graphql's controller: the same
 * GraphQL over HTTP (a JSON body, an {@code application/graphql} body, or {@code query=} in the
 * query string), with every malformed request answered {@code 400} (a {@code 405} for a mutation
 * over GET, a {@code 413} for a body over {@code tessera.limits.graphql-max-body}) and a GraphQL
 * error whose {@code extensions.code} says why, before graphql-java runs anything. Execution goes
 * through micronaut-graphql's invocation, so {@link GraphQLRequestCustomizer} still prepares it.
 */
@Controller("${graphql.path:/graphql}")
@Replaces(GraphQLController.class)
public class GraphQLHttpController {
  /** The GraphQL over HTTP specification's media type of responses. */
  public static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

  private static final MediaType GRAPHQL_RESPONSE_TYPE = MediaType.of(GRAPHQL_RESPONSE);

  private final GraphQLInvocation invocation;
  private final GraphQLExecutionResultHandler results;
  private final GraphQLJsonSerializer json;
  private final GraphQLHttpInput input;
  private final long maxBody;

  public GraphQLHttpController(
      GraphQLInvocation invocation,
      GraphQLExecutionResultHandler results,
      GraphQLJsonSerializer json,
      LimitsConfig limits) {
    this.invocation = invocation;
    this.results = results;
    this.json = json;
    this.input = new GraphQLHttpInput(limits.graphqlMaxVariablesDepth());
    this.maxBody = limits.graphqlMaxBody();
  }

  /** A query (never a mutation) in the query string. */
  @Get(
      produces = {MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE},
      single = true)
  public Publisher<MutableHttpResponse<String>> get(
      @Nullable @QueryValue("query") String query,
      @Nullable @QueryValue("operationName") String operationName,
      @Nullable @QueryValue("variables") String variables,
      HttpRequest<?> request) {
    MediaType answer = answerType(request);
    try {
      return execute(input.get(query, operationName, variables), request, answer);
    } catch (GraphQLHttpInput.Refused e) {
      return Mono.just(refused(e, answer));
    }
  }

  /** A JSON body, an {@code application/graphql} body, or {@code query=} in the query string. */
  @Post(
      consumes = MediaType.ALL,
      produces = {MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE},
      single = true)
  public Publisher<MutableHttpResponse<String>> post(
      @Nullable @QueryValue("query") String query,
      @Nullable @QueryValue("operationName") String operationName,
      @Nullable @QueryValue("variables") String variables,
      @Nullable @Body byte[] body,
      HttpRequest<?> request) {
    MediaType answer = answerType(request);
    try {
      if (body != null && body.length > maxBody) {
        throw new GraphQLHttpInput.Refused(
            HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            ProblemType.PAYLOAD_TOO_LARGE,
            "the request body is larger than this endpoint's limit of " + maxBody + " bytes");
      }
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      String type =
          request.getContentType().map(t -> t.getName().toLowerCase(Locale.ROOT)).orElse("");
      GraphQLHttpInput.Operation operation =
          switch (type) {
            case MediaType.APPLICATION_JSON -> input.postJson(text);
            case "application/graphql" -> input.postQuery(text, operationName, variables);
            default -> {
              if (query != null) {
                yield input.postQuery(query, operationName, variables);
              }
              throw new GraphQLHttpInput.Refused(
                  HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                  ProblemType.UNSUPPORTED_MEDIA_TYPE,
                  "send the request as application/json or application/graphql");
            }
          };
      return execute(operation, request, answer);
    } catch (GraphQLHttpInput.Refused e) {
      return Mono.just(refused(e, answer));
    }
  }

  /**
   * Runs the operation. With {@code application/json} every executed request answers {@code 200};
   * with {@code application/graphql-response+json} a response without {@code data} (the document
   * did not parse or validate, or a limit refused it before execution) answers {@code 400}, as the
   * GraphQL over HTTP specification asks.
   */
  private Publisher<MutableHttpResponse<String>> execute(
      GraphQLHttpInput.Operation operation, HttpRequest<?> request, MediaType answer) {
    MutableHttpResponse<String> response = HttpResponse.status(HttpStatus.OK);
    GraphQLInvocationData data =
        new GraphQLInvocationData(
            operation.query(), operation.operationName(), operation.variables());
    return Mono.from(results.handleExecutionResult(invocation.invoke(data, request, response)))
        .map(
            body -> {
              Map<String, Object> specification = body.getSpecification();
              if (answer.equals(GRAPHQL_RESPONSE_TYPE) && !specification.containsKey("data")) {
                response.status(HttpStatus.BAD_REQUEST);
              }
              return response.contentType(answer).body(json.serialize(specification));
            });
  }

  /**
   * The media type of the answer, from the {@code Accept} header (GraphQL over HTTP): {@code
   * application/graphql-response+json} when it is not less preferred than JSON, otherwise {@code
   * application/json} (also without a header, for {@code *}{@code /*} and {@code application/*}).
   * Micronaut has already answered {@code 406} to a header that accepts neither.
   */
  static MediaType answerType(HttpRequest<?> request) {
    String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
    if (accept == null || accept.isBlank()) {
      return MediaType.APPLICATION_JSON_TYPE;
    }
    double graphql = -1;
    double plain = -1;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].strip().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].strip();
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      switch (type) {
        case GRAPHQL_RESPONSE -> graphql = Math.max(graphql, quality);
        case MediaType.APPLICATION_JSON, "application/*", "*/*" -> plain = Math.max(plain, quality);
        default -> {
          // not ours
        }
      }
    }
    return graphql > 0 && graphql >= plain
        ? GRAPHQL_RESPONSE_TYPE
        : MediaType.APPLICATION_JSON_TYPE;
  }

  private MutableHttpResponse<String> refused(GraphQLHttpInput.Refused e, MediaType answer) {
    Map<String, Object> error =
        Map.of("message", e.getMessage(), "extensions", GraphQLErrors.withCode(e.type(), Map.of()));
    MutableHttpResponse<String> response =
        HttpResponse.<String>status(e.status())
            .contentType(answer)
            .body(json.serialize(Map.of("errors", List.of(error))));
    if (e.status() == HttpStatus.METHOD_NOT_ALLOWED) {
      response.header(HttpHeaders.ALLOW, "POST");
    }
    return response;
  }
}
