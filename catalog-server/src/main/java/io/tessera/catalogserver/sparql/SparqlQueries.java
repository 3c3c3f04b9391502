package io.tessera.catalogserver.sparql;

import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.governance.SparqlViews;
import io.tessera.graphstore.GraphStore;
import io.tessera.graphstore.InvalidQueryException;
import io.tessera.graphstore.ReadScope;
import io.tessera.graphstore.SparqlResult;
import jakarta.inject.Singleton;

/**
 * Runs a read-only SPARQL query for a caller: over the view of the catalog that holds only the
 * named graphs its scope may read (an admin's: the whole store, and the query reported to {@link
 * SparqlAudit}), cut at {@code tessera.sparql.max-results}, within the store's query timeout. The
 * SPARQL endpoint and the MCP {@code sparql_query} tool both run queries here.
 */
@Singleton
public class SparqlQueries {
  private final GraphStore store;
  private final SparqlConfig config;
  private final SparqlAudit audit;
  private final SparqlViews views;

  public SparqlQueries(
      GraphStore store, SparqlConfig config, SparqlAudit audit, SparqlViews views) {
    this.store = store;
    this.config = config;
    this.audit = audit;
    this.views = views;
  }

  /**
   * The query's answer over the caller's view.
   *
   * @throws ProblemException {@code invalid-query} when the store refuses the query
   */
  public SparqlResult run(SparqlRequest sparql, AccessScope scope) {
    return run(sparql, scope, config.maxResults());
  }

  /**
   * The query's answer over the caller's view, cut at {@code maxResults} (at most the configured
   * limit).
   */
  public SparqlResult run(SparqlRequest sparql, AccessScope scope, int maxResults) {
    int limit = Math.max(1, Math.min(maxResults, config.maxResults()));
    if (scope.principal().isAdmin()) {
      audit.adminQuery(scope.principal(), sparql.text());
    }
    ReadScope view = views.of(scope);
    try {
      return store.read(r -> r.query(sparql.query(), sparql.dataset(), view, limit));
    } catch (InvalidQueryException e) {
      throw new ProblemException(ProblemType.INVALID_QUERY, e.getMessage());
    }
  }

  /** Whether an answer was cut at the result limit. */
  public static boolean truncated(SparqlResult result) {
    return switch (result) {
      case SparqlResult.Solutions s -> s.truncated();
      case SparqlResult.Triples t -> t.truncated();
      case SparqlResult.Answer a -> false;
    };
  }

  /** The most rows or triples an answer holds. */
  public int maxResults() {
    return config.maxResults();
  }
}
