package io.tessera.catalogserver.mcp;

import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * The SDK's stateless server transport over Micronaut's HTTP server: the SDK hands it the handler
 * of JSON-RPC requests and notifications, and {@link McpController} passes each POSTed message to
 * that handler with the caller in the transport context. No sessions, no server-sent events: every
 * request is answered with one {@code application/json} response.
 */
@Singleton
class McpHttpTransport implements McpStatelessServerTransport {
  private volatile McpStatelessServerHandler handler;

  @Override
  public void setMcpHandler(McpStatelessServerHandler handler) {
    this.handler = handler;
  }

  /** The SDK's handler, once the server is built. */
  McpStatelessServerHandler handler() {
    McpStatelessServerHandler h = handler;
    if (h == null) {
      throw new IllegalStateException("the MCP server has not been built");
    }
    return h;
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.empty();
  }
}
