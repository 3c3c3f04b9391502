package io.tessera.catalogserver.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the MCP server: the SDK's stateless synchronous server over {@link McpHttpTransport}, with
 * the catalog's tools and resource templates. Tool arguments are checked by the tools themselves
 * ({@link Arguments}), so that every mistake gets a message naming the argument.
 */
@Factory
class McpServerFactory {
  static final String INSTRUCTIONS =
      "Tessera is a data catalog for a data mesh: domains own data products with output ports"
          + " (datasets), schemas, owners and policies; lineage shows which jobs read and write"
          + " which datasets. Everything you see is filtered by your own access: a product you may"
          + " not see is reported as not existing. Start with search_catalog or list_domains, read"
          + " a product with get_product, follow get_lineage from a port's dataset, and ask"
          + " explain_access why a product's details are withheld; request_access asks its owners.";

  @Singleton
  McpJsonMapper mcpJsonMapper() {
    return new JacksonMcpJsonMapper(new ObjectMapper());
  }

  @Singleton
  @Bean(preDestroy = "close")
  McpStatelessSyncServer mcpServer(
      McpHttpTransport transport,
      McpJsonMapper mapper,
      CatalogTools catalog,
      LineageTools lineage,
      ExchangeTools exchange,
      CatalogResources resources) {
    List<io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification> tools =
        new ArrayList<>();
    tools.addAll(catalog.tools());
    tools.addAll(lineage.tools());
    tools.addAll(exchange.tools());
    return McpServer.sync(transport)
        .serverInfo("tessera", "0.1.0")
        .instructions(INSTRUCTIONS)
        .jsonMapper(mapper)
        .jsonSchemaValidator(new DefaultJsonSchemaValidator())
        .validateToolInputs(false)
        .capabilities(
            McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
        .tools(tools)
        .resourceTemplates(resources.templates())
        .build();
  }
}
