/**
 * The MCP server at {@code /mcp}: the official MCP Java SDK's stateless server ({@link
 * io.modelcontextprotocol.server.McpStatelessSyncServer}) over a transport of our own ({@code
 * McpHttpTransport}) that {@link io.tessera.catalogserver.mcp.McpController} feeds from Micronaut's
 * HTTP server. The tools ({@code CatalogTools}, {@code LineageTools}, {@code ExchangeTools}) and
 * resources ({@code CatalogResources}) go through the same services as the REST API, with the
 * caller's principal and access scope from the transport context; {@code ToolCalls} checks
 * arguments, turns failures into readable tool errors and audits every call; {@code RateLimiter}
 * bounds calls per token. See docs/mcp.md.
 */
package io.tessera.catalogserver.mcp;
