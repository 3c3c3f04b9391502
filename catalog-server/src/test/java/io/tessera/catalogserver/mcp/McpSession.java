package io.tessera.catalogserver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The MCP Java SDK's own client connected to a test server's {@code /mcp} over HTTP, with a bearer
 * token on every request (the transport's request customizer), and small helpers to read answers.
 */
public final class McpSession implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final McpSyncClient client;

  private McpSession(McpSyncClient client) {
    this.client = client;
  }

  /** A client that has sent {@code initialize} with this token. */
  public static McpSession open(URI base, String token) {
    McpSession session = connect(base, token);
    session.client.initialize();
    return session;
  }

  /** A client not yet initialised. */
  public static McpSession connect(URI base, String token) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(base.toString())
            .endpoint("/mcp")
            .httpRequestCustomizer(
                (request, method, uri, body, context) -> {
                  if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                  }
                })
            .build();
    return new McpSession(McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build());
  }

  public McpSyncClient client() {
    return client;
  }

  /** Calls a tool. */
  public CallToolResult call(String tool, Map<String, Object> arguments) {
    return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
  }

  /** Calls a tool that must succeed, and parses its JSON answer. */
  public JsonNode ok(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as(text(result)).isFalse();
    try {
      return JSON.readTree(text(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls a tool that must fail with a tool error, and returns its message. */
  public String error(String tool, Map<String, Object> arguments) {
    CallToolResult result = call(tool, arguments);
    assertThat(result.isError()).as(text(result)).isTrue();
    return text(result);
  }

  /** Reads a resource's first content as text. */
  public String read(String uri) {
    McpSchema.ReadResourceResult result =
        client.readResource(new McpSchema.ReadResourceRequest(uri));
    return ((McpSchema.TextResourceContents) result.contents().getFirst()).text();
  }

  /** The text of a result's first content. */
  public static String text(CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  @Override
  public void close() {
    client.close();
  }
}
