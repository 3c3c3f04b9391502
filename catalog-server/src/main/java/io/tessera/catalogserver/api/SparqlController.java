package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.sparql.ServiceDescription;
import io.tessera.catalogserver.sparql.SparqlQueries;
import io.tessera.catalogserver.sparql.SparqlRequest;
import io.tessera.catalogserver.web.LimitsConfig;
import io.tessera.catalogserver.web.RequestLimitsFilter;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.ResultFormat;
import io.tessera.graphstore.SparqlResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;

/**
 * {@code GET/POST /sparql}: the SPARQL 1.1 Protocol, read-only. Queries run over a view of the
 * catalog graph that holds only the named graphs the caller may read (its default graph is their
 * union); a platform admin's view is the whole store, and every admin query is reported to the
 * audit (see {@link SparqlQueries}).
 */
@Controller("/sparql")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SparqlController {
  /** Set to {@code true} on an answer cut at the result limit. */
  public static final String TRUNCATED = "Tessera-Results-Truncated";

  /** The result limit the answer was cut at. */
  public static final String MAX_RESULTS = "Tessera-Max-Results";

  /** The SPARQL Protocol's parameters: a GET with none of them asks for the description. */
  private static final List<String> PROTOCOL_PARAMETERS =
      List.of("query", "update", "default-graph-uri", "named-graph-uri");

  private final SparqlQueries queries;
  private final Duration parseTimeout;
  private final long maxBody;
  private final HttpHostResolver hosts;
  private final String fallbackEndpoint;

  /**
   * @param tessera its query timeout bounds parsing as well as running a query
   */
  public SparqlController(
      SparqlQueries queries, TesseraConfig tessera, LimitsConfig limits, HttpHostResolver hosts) {
    this.hosts = hosts;
    this.fallbackEndpoint = tessera.baseIri() + "/sparql";
    this.parseTimeout = tessera.queryTimeout();
    this.maxBody = limits.sparqlMaxBody();
    this.queries = queries;
  }

  /**
   * {@code ?query=} with optional {@code default-graph-uri} and {@code named-graph-uri}; without
   * any of these (nor {@code update}), the endpoint's SPARQL 1.1 Service Description.
   */
  @Get
  @Produces(MediaType.ALL)
  public HttpResponse<byte[]> get(HttpRequest<?> request, AccessScope scope) {
    Map<String, List<String>> params = urlParameters(request);
    if (PROTOCOL_PARAMETERS.stream().noneMatch(params::containsKey)) {
      return describe(request);
    }
    return answer(request, SparqlRequest.fromParameters(params, parseTimeout), scope);
  }

  /**
   * The service description, in the RDF format the {@code Accept} header asks for (Turtle first; a
   * browser, which asks for HTML, gets Turtle).
   */
  private HttpResponse<byte[]> describe(HttpRequest<?> request) {
    String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
    boolean browser = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    ResultFormat format =
        browser
            ? ResultFormat.TURTLE
            : ResultFormat.negotiate(accept, true)
                .orElseThrow(
                    () ->
                        new ProblemException(
                            ProblemType.NOT_ACCEPTABLE,
                            "the service description can be had as "
                                + ResultFormat.forAnswer(true).stream()
                                    .map(ResultFormat::mediaType)
                                    .collect(Collectors.joining(", "))));
    Graph description =
        ServiceDescription.of(hosts.resolve(request) + request.getPath(), fallbackEndpoint);
    return HttpResponse.ok(
            format.write(
                new SparqlResult.Triples(description, false), description.getPrefixMapping()))
        .contentType(format.contentType())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
  }

  /** A form with {@code query=}, or an {@code application/sparql-query} body. */
  @Post
  @Consumes(MediaType.ALL)
  @Produces(MediaType.ALL)
  public HttpResponse<byte[]> post(
      HttpRequest<?> request, @Nullable @Body byte[] body, AccessScope scope) {
    String contentType =
        request
            .getContentType()
            .map(t -> t.getName().toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "send the query as "
                            + SparqlRequest.FORM
                            + " or "
                            + SparqlRequest.SPARQL_QUERY));
    RequestLimitsFilter.checkBody(body, maxBody);
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    SparqlRequest parsed =
        switch (contentType) {
          case SparqlRequest.FORM -> {
            Map<String, List<String>> params = urlParameters(request);
            SparqlRequest.decodeForm(text)
                .forEach((k, v) -> params.merge(k, v, SparqlController::concat));
            yield SparqlRequest.fromParameters(params, parseTimeout);
          }
          case SparqlRequest.SPARQL_QUERY ->
              SparqlRequest.fromBody(text, urlParameters(request), parseTimeout);
          case SparqlRequest.SPARQL_UPDATE -> throw SparqlRequest.updateRefused();
          default ->
              throw new ProblemException(
                  ProblemType.UNSUPPORTED_MEDIA_TYPE,
                  "send the query as "
                      + SparqlRequest.FORM
                      + " or "
                      + SparqlRequest.SPARQL_QUERY
                      + ", not "
                      + contentType);
        };
    return answer(request, parsed, scope);
  }

  private HttpResponse<byte[]> answer(
      HttpRequest<?> request, SparqlRequest sparql, AccessScope scope) {
    boolean rdf = sparql.query().isConstructType() || sparql.query().isDescribeType();
    String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
    ResultFormat format =
        ResultFormat.negotiate(accept, rdf)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_ACCEPTABLE,
                        "this query's answer can be had as "
                            + ResultFormat.forAnswer(rdf).stream()
                                .map(ResultFormat::mediaType)
                                .collect(Collectors.joining(", "))));
    SparqlResult result = queries.run(sparql, scope);
    boolean truncated = SparqlQueries.truncated(result);
    var response =
        HttpResponse.ok(format.write(result, sparql.query().getPrefixMapping()))
            .contentType(format.contentType())
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    if (truncated) {
      response
          .header(TRUNCATED, "true")
          .header(MAX_RESULTS, Integer.toString(queries.maxResults()));
    }
    return response;
  }

  private static Map<String, List<String>> urlParameters(HttpRequest<?> request) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    request.getParameters().asMap().forEach((k, v) -> params.put(k, List.copyOf(v)));
    return params;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
