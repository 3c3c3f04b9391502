package io.tessera.catalogserver.mcp;

import io.micronaut.json.JsonMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.tessera.catalogserver.api.AgentController;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.descriptors.InvalidDescriptorException;
import io.tessera.governance.AccessDeniedException;
import io.tessera.graphstore.QueryTimeoutException;
import io.tessera.graphstore.ShapeViolationException;
import io.tessera.ontology.IriMinter;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every tool is called: the caller taken from the transport context, the arguments checked
 * (size, names, types) before the tool runs, the answer written as JSON text, every failure turned
 * into a tool error ({@code isError: true}) with a readable message and never a stack trace, and
 * every call written to the audit log (action {@code mcp-call}: who, which tool, the arguments'
 * size in bytes, how many results, and the outcome: {@code ok}, {@code not-found}, {@code denied},
 * {@code invalid} or {@code error}).
 */
@Singleton
class ToolCalls {
  /** The audit log's action for a tool call or resource read. */
  static final String AUDIT_ACTION = AgentController.MCP_CALL;

  private static final Logger LOG = LoggerFactory.getLogger(ToolCalls.class);

  private final AuditLog audit;
  private final JsonMapper json;
  private final McpConfig config;

  ToolCalls(AuditLog audit, JsonMapper json, McpConfig config) {
    this.audit = audit;
    this.json = json;
    this.config = config;
  }

  /** What a tool found: the answer, how many results it holds, and the product it concerns. */
  record Outcome(Object body, int count, String entity) {}

  /** A tool's work, given its caller and checked arguments. */
  @FunctionalInterface
  interface Handler {
    Outcome call(McpCaller caller, Arguments arguments);
  }

  /**
   * A tool: its name, description, input properties (JSON Schema by property name), the required
   * ones, and whether it only reads.
   */
  SyncToolSpecification tool(
      String name,
      String title,
      String description,
      Map<String, Object> properties,
      List<String> required,
      boolean readOnly,
      Handler handler) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    schema.put("additionalProperties", false);
    McpSchema.Tool tool =
        McpSchema.Tool.builder()
            .name(name)
            .title(title)
            .description(description)
            .inputSchema(schema)
            .annotations(
                new McpSchema.ToolAnnotations(title, readOnly, false, readOnly, false, null))
            .build();
    Set<String> known = properties.keySet();
    return new SyncToolSpecification(
        tool, (context, request) -> call(name, known, handler, context, request));
  }

  private CallToolResult call(
      String name,
      Set<String> known,
      Handler handler,
      McpTransportContext context,
      CallToolRequest request) {
    McpCaller caller = McpCaller.of(context);
    int size = size(request.arguments());
    String entity = namedProduct(request.arguments());
    try {
      if (size > config.maxArgumentBytes()) {
        throw new ToolArgumentException(
            "the arguments are " + size + " bytes; at most " + config.maxArgumentBytes());
      }
      Outcome outcome = handler.call(caller, new Arguments(request.arguments(), known));
      entity = outcome.entity() == null ? entity : outcome.entity();
      record(caller, name, entity, "ok", size, outcome.count(), null);
      return CallToolResult.builder()
          .addTextContent(json.writeValueAsString(outcome.body()))
          .isError(false)
          .build();
    } catch (RuntimeException | IOException e) {
      Failure failure = failure(e);
      record(caller, name, entity, failure.outcome(), size, 0, failure.message());
      return CallToolResult.builder().addTextContent(failure.message()).isError(true).build();
    }
  }

  /** How a failure is told to the model and recorded. */
  record Failure(String outcome, String message) {}

  /** A readable message for any failure; unexpected ones are logged, not shown. */
  static Failure failure(Exception e) {
    return switch (e) {
      case ToolArgumentException a ->
          new Failure("invalid", "invalid arguments: " + a.getMessage());
      case ProblemException p -> new Failure(outcome(p.type()), withErrors(p));
      case InvalidDescriptorException d -> failure(ProblemException.of(d));
      case AccessDeniedException d ->
          new Failure("denied", "missing permission: " + d.permission());
      case QueryTimeoutException t -> new Failure("invalid", "query-timeout: " + t.getMessage());
      case ShapeViolationException v -> new Failure("invalid", v.getMessage());
      default -> {
        LOG.error("an MCP tool call failed", e);
        yield new Failure("error", "the call failed inside the server; it changed nothing");
      }
    };
  }

  private static String outcome(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "not-found";
      case FORBIDDEN, UNAUTHORIZED -> "denied";
      default -> "invalid";
    };
  }

  private static String withErrors(ProblemException p) {
    List<Problem.FieldError> errors = p.errors();
    if (errors == null || errors.isEmpty()) {
      return p.getMessage();
    }
    return p.getMessage()
        + ": "
        + errors.stream()
            .map(e -> e.field() + ": " + e.message())
            .collect(Collectors.joining("; "));
  }

  /** Writes one call to the audit log. */
  void record(
      McpCaller caller,
      String tool,
      String entity,
      String outcome,
      int argumentBytes,
      int results,
      String message) {
    audit.record(
        caller.principal().subject(),
        AUDIT_ACTION,
        entity,
        outcome,
        "tool="
            + tool
            + " argumentBytes="
            + argumentBytes
            + " results="
            + results
            + " caller="
            + caller.auditDetail()
            + (message == null ? "" : " message=" + message));
  }

  /** The product a call's arguments name ({@code domain/name}), for the audit row; or null. */
  private static String namedProduct(Map<String, Object> arguments) {
    if (arguments != null && arguments.get("product") instanceof String p) {
      String[] parts = p.strip().split("/", -1);
      if (parts.length == 2 && IriMinter.isSlug(parts[0]) && IriMinter.isSlug(parts[1])) {
        return parts[0] + "/" + parts[1];
      }
    }
    return null;
  }

  private int size(Map<String, Object> arguments) {
    if (arguments == null || arguments.isEmpty()) {
      return 0;
    }
    try {
      return json.writeValueAsString(arguments).getBytes(StandardCharsets.UTF_8).length;
    } catch (IOException e) {
      return Integer.MAX_VALUE;
    }
  }

  // --------------------------------------------------------------- JSON Schema of inputs

  static Map<String, Object> string(String description) {
    return Map.of("type", "string", "description", description);
  }

  static Map<String, Object> string(String description, int maxLength) {
    return Map.of("type", "string", "description", description, "maxLength", maxLength);
  }

  static Map<String, Object> choice(String description, List<String> values) {
    return Map.of("type", "string", "description", description, "enum", values);
  }

  static Map<String, Object> bool(String description, boolean fallback) {
    return Map.of("type", "boolean", "description", description, "default", fallback);
  }

  static Map<String, Object> integer(String description, int min, int max, int fallback) {
    return Map.of(
        "type",
        "integer",
        "description",
        description,
        "minimum",
        min,
        "maximum",
        max,
        "default",
        fallback);
  }

  static Map<String, Object> strings(String description, int maxItems) {
    return Map.of(
        "type",
        "array",
        "description",
        description,
        "items",
        Map.of("type", "string"),
        "maxItems",
        maxItems);
  }

  static Map<String, Object> properties(Object... nameAndSchema) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < nameAndSchema.length; i += 2) {
      out.put((String) nameAndSchema[i], nameAndSchema[i + 1]);
    }
    return out;
  }
}
