package io.tessera.catalogserver.sparql;

import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.update.UpdateFactory;

/**
 * A SPARQL 1.1 Protocol query request, read from the query string, a form body or a {@code
 * application/sparql-query} body, and parsed. Anything that is an update, or that does not parse,
 * is refused with a problem naming the reason (and, for syntax errors, the line and column).
 *
 * @param text the query as sent
 * @param query the parsed query
 * @param dataset the protocol's {@code default-graph-uri} and {@code named-graph-uri}, or null
 */
public record SparqlRequest(String text, Query query, DatasetDescription dataset) {
  /** The form media type of SPARQL queries and updates. */
  public static final String FORM = "application/x-www-form-urlencoded";

  /** The direct POST media type of a query. */
  public static final String SPARQL_QUERY = "application/sparql-query";

  /** The direct POST media type of an update, always refused. */
  public static final String SPARQL_UPDATE = "application/sparql-update";

  /** How long parsing may take when the caller does not say. */
  static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(10);

  /** A GET request, or a POST whose parameters came in the form body. */
  public static SparqlRequest fromParameters(Map<String, List<String>> params) {
    return fromParameters(params, DEFAULT_PARSE_TIMEOUT);
  }

  /**
   * A GET request, or a POST whose parameters came in the form body.
   *
   * @param timeout how long parsing may take (503 {@code query-timeout} beyond)
   */
  public static SparqlRequest fromParameters(Map<String, List<String>> params, Duration timeout) {
    if (params.containsKey("update")) {
      throw updateRefused();
    }
    List<String> queries = params.getOrDefault("query", List.of());
    if (queries.isEmpty() || queries.getFirst().isBlank()) {
      throw invalid("the query parameter is required");
    }
    if (queries.size() > 1) {
      throw invalid("give exactly one query parameter, not " + queries.size());
    }
    return parse(queries.getFirst(), params, timeout);
  }

  /** A POST of {@code application/sparql-query}: the body is the query. */
  public static SparqlRequest fromBody(String body, Map<String, List<String>> params) {
    return fromBody(body, params, DEFAULT_PARSE_TIMEOUT);
  }

  /**
   * A POST of {@code application/sparql-query}: the body is the query.
   *
   * @param timeout how long parsing may take (503 {@code query-timeout} beyond)
   */
  public static SparqlRequest fromBody(
      String body, Map<String, List<String>> params, Duration timeout) {
    if (body == null || body.isBlank()) {
      throw invalid("the request body must hold the query");
    }
    if (params.containsKey("query") || params.containsKey("update")) {
      throw invalid(
          "with an application/sparql-query body, the URL must not carry query or update");
    }
    return parse(body, params, timeout);
  }

  /** Decodes an {@code application/x-www-form-urlencoded} body. */
  public static Map<String, List<String>> decodeForm(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(
          "the form body is not valid application/x-www-form-urlencoded: " + e.getMessage());
    }
  }

  /**
   * Parses on a thread of its own, so that the query timeout covers parsing too: a pathological
   * query is answered {@code query-timeout} in time (the parse is interrupted and left to end), and
   * one nested deeper than the parser's stack is {@code invalid-query}.
   */
  private static Query parseBounded(String text, Duration timeout) {
    FutureTask<Query> task = new FutureTask<>(() -> QueryFactory.create(text, Syntax.syntaxARQ));
    Thread parser = Thread.ofPlatform().daemon().name("tessera-sparql-parse").start(task);
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      parser.interrupt();
      throw new ProblemException(
          ProblemType.QUERY_TIMEOUT,
          "the query took longer than " + timeout.toMillis() + " ms to parse");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(ProblemType.UNAVAILABLE, "interrupted while parsing the query");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof StackOverflowError) {
        throw new ProblemException(
            ProblemType.INVALID_QUERY,
            "the query nests too deeply to parse",
            List.of(new Problem.FieldError("query", "nests too deeply")));
      }
      throw new IllegalStateException("parsing the query failed", e.getCause());
    }
  }

  private static SparqlRequest parse(
      String text, Map<String, List<String>> params, Duration timeout) {
    Query query;
    try {
      query = parseBounded(text, timeout);
    } catch (QueryParseException e) {
      if (isUpdate(text)) {
        throw updateRefused();
      }
      String message = firstLine(e.getMessage());
      if (!message.contains(" line ")) {
        message = message + " (line " + e.getLine() + ", column " + e.getColumn() + ")";
      }
      throw new ProblemException(
          ProblemType.INVALID_QUERY,
          "the query does not parse: " + message,
          List.of(new Problem.FieldError("query", message)));
    } catch (QueryException e) {
      String message = firstLine(e.getMessage());
      throw new ProblemException(
          ProblemType.INVALID_QUERY,
          "the query is not valid: " + message,
          List.of(new Problem.FieldError("query", message)));
    }
    List<String> defaults = params.getOrDefault("default-graph-uri", List.of());
    List<String> named = params.getOrDefault("named-graph-uri", List.of());
    DatasetDescription dataset =
        defaults.isEmpty() && named.isEmpty()
            ? null
            : DatasetDescription.create(new ArrayList<>(defaults), new ArrayList<>(named));
    return new SparqlRequest(text, query, dataset);
  }

  private static boolean isUpdate(String text) {
    try {
      UpdateFactory.create(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  /** The problem for any SPARQL Update, however it was sent. */
  public static ProblemException updateRefused() {
    return new ProblemException(
        ProblemType.UPDATE_NOT_ALLOWED,
        "this endpoint is read-only: SPARQL Update is not accepted; change the catalog through"
            + " descriptors (POST /api/v1/descriptors) and lineage events");
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
