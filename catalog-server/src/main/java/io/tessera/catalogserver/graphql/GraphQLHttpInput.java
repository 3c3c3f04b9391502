package io.tessera.catalogserver.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.micronaut.http.HttpStatus;
import io.tessera.catalogserver.problem.ProblemType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one GraphQL-over-HTTP request into the query, operation name and variables, refusing what
 * graphql-java should never see: a body that is empty, not JSON, a JSON array (batches are not
 * accepted), not an object, or without a {@code query} string; variables that are not an object or
 * nest deeper than the limit; several operations without an {@code operationName}; and a mutation
 * sent with GET (GET must stay safe, RFC 9110).
 */
final class GraphQLHttpInput {
  /** A request refused before execution, with the status and code to answer with. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient HttpStatus status;
    private final transient ProblemType type;

    Refused(HttpStatus status, ProblemType type, String message) {
      super(message, null, false, false);
      this.status = status;
      this.type = type;
    }

    HttpStatus status() {
      return status;
    }

    ProblemType type() {
      return type;
    }
  }

  /** What graphql-java is given. */
  record Operation(String query, String operationName, Map<String, Object> variables) {}

  private final ObjectMapper json;
  private final int maxVariablesDepth;

  /**
   * @param maxVariablesDepth how deeply the variables' JSON may nest
   */
  GraphQLHttpInput(int maxVariablesDepth) {
    this.maxVariablesDepth = maxVariablesDepth;
    this.json =
        JsonMapper.builder(
                JsonFactory.builder()
                    .streamReadConstraints(
                        StreamReadConstraints.builder()
                            // the body object and the variables object add one level each
                            .maxNestingDepth(maxVariablesDepth + 2)
                            .build())
                    .build())
            .build();
  }

  /** A GET: {@code query}, {@code operationName} and {@code variables} from the query string. */
  Operation get(String query, String operationName, String variables) {
    if (query == null || query.isBlank()) {
      throw invalid("a GET needs the query parameter 'query'");
    }
    Operation operation = new Operation(query, operationName, variables(variables));
    if (selected(operation).filter(op -> op != OperationDefinition.Operation.QUERY).isPresent()) {
      throw new Refused(
          HttpStatus.METHOD_NOT_ALLOWED,
          ProblemType.METHOD_NOT_ALLOWED,
          "mutations and subscriptions must be sent with POST");
    }
    return operation;
  }

  /** A POST with an {@code application/json} body. */
  Operation postJson(String body) {
    if (body == null || body.isBlank()) {
      throw invalid("the request body is empty; send {\"query\": \"...\"}");
    }
    JsonNode root = parse(body, "the request body is not valid JSON");
    if (root.isArray()) {
      throw invalid("batched requests (a JSON array) are not accepted; send one operation");
    }
    if (!root.isObject()) {
      throw invalid("the request body must be a JSON object with a 'query' string");
    }
    JsonNode query = root.path("query");
    if (!query.isTextual() || query.asText().isBlank()) {
      throw invalid("the request body needs a non-empty 'query' string");
    }
    JsonNode name = root.path("operationName");
    if (!name.isMissingNode() && !name.isNull() && !name.isTextual()) {
      throw invalid("'operationName' must be a string");
    }
    JsonNode variables = root.path("variables");
    if (!variables.isMissingNode() && !variables.isNull() && !variables.isObject()) {
      throw invalid("'variables' must be a JSON object");
    }
    Operation operation =
        new Operation(
            query.asText(),
            name.isTextual() ? name.asText() : null,
            variables.isObject() ? toMap(variables) : Map.of());
    return noSubscription(operation);
  }

  /** A POST whose query comes from the query string or an {@code application/graphql} body. */
  Operation postQuery(String query, String operationName, String variables) {
    if (query == null || query.isBlank()) {
      throw invalid("the query is empty");
    }
    return noSubscription(new Operation(query, operationName, variables(variables)));
  }

  /** Subscriptions are not served over HTTP (the schema has none). */
  private static Operation noSubscription(Operation operation) {
    if (selected(operation)
        .filter(op -> op == OperationDefinition.Operation.SUBSCRIPTION)
        .isPresent()) {
      throw invalid("subscriptions are not served over HTTP");
    }
    return operation;
  }

  private Map<String, Object> variables(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    JsonNode node = parse(text, "'variables' is not valid JSON");
    if (node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid("'variables' must be a JSON object");
    }
    return toMap(node);
  }

  private JsonNode parse(String text, String message) {
    try {
      JsonNode node = json.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw invalid(message);
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw invalid("the request nests deeper than " + maxVariablesDepth + " levels");
    } catch (JsonProcessingException e) {
      throw invalid(message + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid(message);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(JsonNode node) {
    return json.convertValue(node, Map.class);
  }

  /**
   * The kind of the operation that would run, when the document parses (graphql-java reports syntax
   * errors itself); fails when several operations come without a name to choose one.
   */
  private static Optional<OperationDefinition.Operation> selected(Operation request) {
    Document document;
    try {
      document = Parser.parse(request.query());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    if (request.operationName() == null) {
      if (operations.size() > 1) {
        throw invalid(
            "the document has "
                + operations.size()
                + " operations; say which to run with 'operationName'");
      }
      return operations.stream().findFirst().map(OperationDefinition::getOperation);
    }
    return operations.stream()
        .filter(op -> request.operationName().equals(op.getName()))
        .findFirst()
        .map(OperationDefinition::getOperation)
        .or(
            () -> {
              throw invalid("no operation named '" + request.operationName() + "'");
            });
  }

  private static Refused invalid(String message) {
    return new Refused(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, message);
  }
}
