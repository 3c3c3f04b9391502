package io.tessera.catalogserver;

import io.micronaut.openapi.annotation.OpenAPIExclude;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.tessera.catalogserver.api.SparqlController;
import io.tessera.catalogserver.graphql.GraphQLHttpController;
import io.tessera.catalogserver.mcp.McpController;
import io.tessera.catalogserver.security.OidcSignOut;
import java.util.Map;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the Tessera catalog server. Its annotations head the REST API's OpenAPI document, which
 * micronaut-openapi writes at compile time (see {@code openapi.properties}); the SPARQL, GraphQL
 * and MCP endpoints have their own protocols and documents and are left out of it.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Tessera REST API",
            version = "1",
            description =
                "The metadata catalog of a data mesh: domains and data products declared with"
                    + " descriptors (ODPS, ODCS, DPDS), lineage observed from OpenLineage events,"
                    + " search, policies and access requests, the change feed and product health."
                    + " Every read answers only what the caller may see: a product the caller may"
                    + " not discover answers exactly like a missing one (404). Errors are RFC 7807"
                    + " problems (application/problem+json) with a stable `type` per kind. The"
                    + " GraphQL API (/graphql), the SPARQL 1.1 endpoint (/sparql) and the MCP"
                    + " server (/mcp) are documented in the project's docs."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description =
        "A Tessera API token (POST /api/v1/tokens, or TESSERA_ADMIN_TOKEN for the admin) or a JWT"
            + " from the configured issuer, as `Authorization: Bearer <token>`. Reads without it"
            + " are answered only when anonymous reads are on.")
@OpenAPIExclude({
  SparqlController.class,
  GraphQLHttpController.class,
  McpController.class,
  OidcSignOut.class
})
public final class Application {
  private Application() {}

  public static void main(String[] args) throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    // standard output holds log lines only (one JSON object each with TESSERA_LOG_FORMAT=json): no
    // banner, and Liquibase's progress ("Running Changeset: ...") and update summary through its
    // logger, not printed
    Scope.enter(
        Map.of(
            Scope.Attr.ui.name(),
            new LoggerUIService(),
            "liquibase.command.showSummaryOutput",
            "LOG"));
    Micronaut.build(args).mainClass(Application.class).banner(false).start();
  }
}
