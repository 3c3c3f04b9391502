package io.tessera.catalogserver.mcp;

import static io.tessera.catalogserver.mcp.ToolCalls.choice;
import static io.tessera.catalogserver.mcp.ToolCalls.integer;
import static io.tessera.catalogserver.mcp.ToolCalls.properties;
import static io.tessera.catalogserver.mcp.ToolCalls.string;

import io.micronaut.serde.annotation.Serdeable;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.tessera.catalogserver.TesseraConfig;
import io.tessera.catalogserver.api.AsOf;
import io.tessera.catalogserver.api.LineageReads;
import io.tessera.catalogserver.sparql.SparqlQueries;
import io.tessera.catalogserver.sparql.SparqlRequest;
import io.tessera.graphstore.ResultFormat;
import io.tessera.graphstore.SparqlResult;
import io.tessera.lineage.ColumnLineage;
import io.tessera.lineage.LineageGraph;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Lineage and SPARQL tools: {@code get_lineage}, {@code get_column_lineage} and {@code
 * sparql_query}, through the services {@code /api/v1/lineage}, {@code /api/v1/column-lineage} and
 * {@code /sparql} use: restricted lineage nodes redacted as {@code restricted:N}, SPARQL over the
 * caller's view of the graph, bounded and timed out.
 */
@Singleton
class LineageTools {
  /** The deepest walk a tool takes (REST allows more; agents get a bounded neighbourhood). */
  static final int MAX_DEPTH = 5;

  private static final List<String> DIRECTIONS = List.of("both", "upstream", "downstream");
  private static final String NODE =
      "dataset:{namespace}:{name} (e.g. dataset:postgres://warehouse:5432:sales.public.orders,"
          + " from a port's dataset in get_product) or job:{namespace}:{name}";

  static final String AS_OF =
      "optional: the catalog as it was at this instant (2026-03-01T12:00:00Z) or at the end of"
          + " this date in UTC (2026-03-01); absent: now";

  private final ToolCalls calls;
  private final LineageReads lineage;
  private final SparqlQueries sparql;
  private final McpConfig config;
  private final Duration queryTimeout;

  LineageTools(
      ToolCalls calls,
      LineageReads lineage,
      SparqlQueries sparql,
      McpConfig config,
      TesseraConfig tessera) {
    this.calls = calls;
    this.lineage = lineage;
    this.sparql = sparql;
    this.config = config;
    this.queryTimeout = tessera.queryTimeout();
  }

  List<SyncToolSpecification> tools() {
    return List.of(getLineage(), getColumnLineage(), sparqlQuery());
  }

  private SyncToolSpecification getLineage() {
    return calls.tool(
        "get_lineage",
        "Get lineage around a dataset or job",
        "The lineage graph around a dataset or job, Marquez-shaped: nodes (datasets and the jobs"
            + " that read and write them, with their latest runs) and their edges, nearest first,"
            + " up to 'depth' hops and 'maxNodes' nodes ('truncated' says when the limit cut it)."
            + " Nodes the caller may not see appear as restricted:N with their edges kept; a"
            + " starting node it may not see is reported as not existing.",
        properties(
            "node",
            string(NODE, 2000),
            "depth",
            integer("hops from the node", 0, MAX_DEPTH, 2),
            "direction",
            choice("which way to walk", DIRECTIONS),
            "maxNodes",
            integer("the most nodes returned", 1, 200, 50),
            "asOf",
            string(AS_OF, 40)),
        List.of("node"),
        true,
        (caller, args) -> {
          LineageGraph graph =
              lineage.lineage(
                  args.string("node", true, 2000),
                  args.integer("depth", 0, MAX_DEPTH, 2),
                  args.choice("direction", DIRECTIONS, "both"),
                  Math.min(args.integer("maxNodes", 1, 200, 50), config.maxResults()),
                  AsOf.parse(args.string("asOf", false, 40)),
                  caller.scope());
          return new ToolCalls.Outcome(graph, graph.graph().size(), null);
        });
  }

  private SyncToolSpecification getColumnLineage() {
    return calls.tool(
        "get_column_lineage",
        "Get column lineage",
        "Column-level lineage around one column of a dataset: the columns it derives from"
            + " (upstream) or that derive from it (downstream), with the transformation as the"
            + " producer described it. Columns of datasets the caller may not read are left out.",
        properties(
            "node",
            string("dataset:{namespace}:{name}", 2000),
            "field",
            string("the column's name", 256),
            "depth",
            integer("hops from the column", 0, MAX_DEPTH, 2),
            "direction",
            choice("which way to walk", DIRECTIONS)),
        List.of("node", "field"),
        true,
        (caller, args) -> {
          ColumnLineage columns =
              lineage.columnLineage(
                  args.string("node", true, 2000),
                  args.string("field", true, 256),
                  args.integer("depth", 0, MAX_DEPTH, 2),
                  args.choice("direction", DIRECTIONS, "both"),
                  caller.scope());
          return new ToolCalls.Outcome(columns, columns.edges().size(), null);
        });
  }

  /** A SPARQL answer: SPARQL JSON results for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE. */
  @Serdeable
  record SparqlAnswer(String format, boolean truncated, int results, String answer) {}

  private SyncToolSpecification sparqlQuery() {
    return calls.tool(
        "sparql_query",
        "Run a read-only SPARQL query",
        "A SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query over the catalog's knowledge graph"
            + " (DPROD, DCAT 3, PROV-O, ODRL, W3C ORG vocabularies; one named graph per domain,"
            + " product and lineage node; the default graph is their union), limited to the graphs"
            + " the caller may read. Updates are refused. The answer is cut at 'limit' rows or"
            + " triples ('truncated' says so) and the query stops at the server's query timeout.",
        properties(
            "query",
            string("the SPARQL query, with its PREFIX lines", 20_000),
            "limit",
            integer("the most rows (SELECT) or triples (CONSTRUCT, DESCRIBE)", 1, 1000, 100)),
        List.of("query"),
        true,
        (caller, args) -> {
          String text = args.string("query", true, 20_000);
          int limit = Math.min(args.integer("limit", 1, 1000, 100), config.maxResults() * 5);
          SparqlRequest request =
              SparqlRequest.fromParameters(Map.of("query", List.of(text)), queryTimeout);
          SparqlResult result = sparql.run(request, caller.scope(), limit);
          ResultFormat format =
              switch (result) {
                case SparqlResult.Triples t -> ResultFormat.TURTLE;
                default -> ResultFormat.SPARQL_JSON;
              };
          int count =
              switch (result) {
                case SparqlResult.Solutions s -> s.rows().size();
                case SparqlResult.Triples t -> t.graph().size();
                case SparqlResult.Answer a -> 1;
              };
          String answer =
              new String(
                  format.write(result, request.query().getPrefixMapping()), StandardCharsets.UTF_8);
          return new ToolCalls.Outcome(
              new SparqlAnswer(format.mediaType(), SparqlQueries.truncated(result), count, answer),
              count,
              null);
        });
  }
}
