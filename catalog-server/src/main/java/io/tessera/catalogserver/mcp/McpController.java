package io.tessera.catalogserver.mcp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.tessera.catalogserver.problem.Problem;
import io.tessera.catalogserver.problem.ProblemHandlers;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.catalogserver.security.AccessScopes;
import io.tessera.catalogserver.security.PrincipalAuthentication;
import io.tessera.governance.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /mcp}: the Model Context Protocol over Streamable HTTP, stateless. Each POST carries one
 * JSON-RPC message; a request is answered with its JSON-RPC response as {@code application/json}, a
 * notification (or a response) with {@code 202}. {@code GET} (a server-sent event stream) and
 * {@code DELETE} (ending a session) are {@code 405}: the server keeps no sessions and sends nothing
 * unasked. Authentication is Micronaut Security's, as everywhere ({@code 401} without credentials);
 * the caller's principal and access scope go to the tools through the SDK's transport context. Tool
 * calls and resource reads are counted against the caller's rate limit.
 */
@Controller("/mcp")
@ExecuteOn(TaskExecutors.BLOCKING)
public class McpController {
  /** JSON-RPC error code of a call refused by the rate limit (implementation-defined range). */
  static final int RATE_LIMITED = -32029;

  private static final Logger LOG = LoggerFactory.getLogger(McpController.class);
  private static final Set<String> COUNTED =
      Set.of(McpSchema.METHOD_TOOLS_CALL, McpSchema.METHOD_RESOURCES_READ);

  private final McpHttpTransport transport;
  private final McpJsonMapper mapper;
  private final AccessScopes scopes;
  private final RateLimiter limiter;
  private final ToolCalls calls;
  private final McpConfig config;

  /**
   * @param server the SDK's server, built (and so attached to the transport) before any request
   */
  McpController(
      McpHttpTransport transport,
      McpStatelessSyncServer server,
      McpJsonMapper mapper,
      AccessScopes scopes,
      RateLimiter limiter,
      ToolCalls calls,
      McpConfig config) {
    this.transport = transport;
    this.mapper = mapper;
    this.scopes = scopes;
    this.limiter = limiter;
    this.calls = calls;
    this.config = config;
  }

  /** One JSON-RPC message. */
  @Post
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<?> post(HttpRequest<?> request, @Nullable @Body byte[] body) {
    JSONRPCMessage message;
    try {
      if (body == null || body.length == 0) {
        throw new IOException("empty body");
      }
      message =
          McpSchema.deserializeJsonRpcMessage(mapper, new String(body, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // JSON-RPC's answer to a message it cannot read: id null (the SDK's records refuse one)
      return HttpResponse.badRequest(
              "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
                  + McpSchema.ErrorCodes.PARSE_ERROR
                  + ",\"message\":\"the body is not one JSON-RPC 2.0 message\"}}")
          .contentType(MediaType.APPLICATION_JSON);
    }
    McpCaller caller = caller(request);
    if (message instanceof JSONRPCRequest rpc) {
      return HttpResponse.ok(json(answer(caller, rpc))).contentType(MediaType.APPLICATION_JSON);
    }
    if (message instanceof JSONRPCNotification notification) {
      transport
          .handler()
          .handleNotification(caller.context(), notification)
          .block(config.timeout());
    }
    return HttpResponse.accepted();
  }

  private JSONRPCResponse answer(McpCaller caller, JSONRPCRequest rpc) {
    if (COUNTED.contains(rpc.method())) {
      long wait = limiter.acquire(caller.rateKey());
      if (wait > 0) {
        String message =
            "rate limit exceeded: at most "
                + limiter.perMinute()
                + " tool calls and resource reads a minute for this token; try again in "
                + wait
                + " s";
        calls.record(caller, rpc.method(), null, "rate-limited", 0, 0, message);
        return error(rpc, RATE_LIMITED, message);
      }
    }
    try {
      JSONRPCResponse response =
          transport.handler().handleRequest(caller.context(), rpc).block(config.timeout());
      return response == null
          ? error(rpc, McpSchema.ErrorCodes.INTERNAL_ERROR, "no answer")
          : response;
    } catch (IllegalStateException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("Timeout on blocking read")) {
        LOG.error("an MCP request failed", e);
        return error(
            rpc, McpSchema.ErrorCodes.INTERNAL_ERROR, "the request failed inside the server");
      }
      calls.record(caller, rpc.method(), null, "timeout", 0, 0, "past " + config.timeout());
      return error(
          rpc,
          McpSchema.ErrorCodes.INTERNAL_ERROR,
          "the call took longer than " + config.timeout().toSeconds() + " s and was abandoned");
    } catch (RuntimeException e) {
      LOG.error("an MCP request failed", e);
      return error(
          rpc, McpSchema.ErrorCodes.INTERNAL_ERROR, "the request failed inside the server");
    }
  }

  /** No event stream: the server sends nothing unasked. */
  @Get
  public HttpResponse<Problem> stream(HttpRequest<?> request) {
    return notAllowed(request, "GET");
  }

  /** No sessions to end. */
  @Delete
  public HttpResponse<Problem> endSession(HttpRequest<?> request) {
    return notAllowed(request, "DELETE");
  }

  private static HttpResponse<Problem> notAllowed(HttpRequest<?> request, String method) {
    return ProblemHandlers.response(
            request,
            ProblemType.METHOD_NOT_ALLOWED,
            method
                + " /mcp is not supported: this MCP server is stateless; POST each JSON-RPC"
                + " message")
        .header(HttpHeaders.ALLOW, "POST");
  }

  private McpCaller caller(HttpRequest<?> request) {
    Principal principal = AccessScopes.principalOf(request);
    Map<String, Object> attributes =
        request
            .getUserPrincipal(Authentication.class)
            .map(Authentication::getAttributes)
            .orElse(Map.of());
    Object token = attributes.get(PrincipalAuthentication.TOKEN);
    String rateKey = token == null ? "subject:" + principal.subject() : "token:" + token;
    Object onBehalfOf = attributes.get(PrincipalAuthentication.ON_BEHALF_OF);
    return new McpCaller(
        principal,
        scopes.of(request),
        rateKey,
        Boolean.TRUE.equals(attributes.get(PrincipalAuthentication.AGENT)),
        onBehalfOf == null ? null : onBehalfOf.toString());
  }

  private static JSONRPCResponse error(JSONRPCRequest rpc, int code, String message) {
    return new JSONRPCResponse(
        McpSchema.JSONRPC_VERSION, rpc.id(), null, new JSONRPCResponse.JSONRPCError(code, message));
  }

  private String json(JSONRPCResponse response) {
    try {
      return mapper.writeValueAsString(response);
    } catch (IOException e) {
      throw new IllegalStateException("could not write a JSON-RPC response", e);
    }
  }
}
