package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.ReadScope;
import java.time.Duration;
import java.time.Instant;

/**
 * What every resolver of one GraphQL request needs: the caller's access scope and the deadline of
 * the query. Kept in the execution's GraphQL context.
 */
record GraphQLRequest(AccessScope scope, Instant deadline, Duration timeout) {
  static final String KEY = GraphQLRequest.class.getName();

  static GraphQLRequest of(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(KEY);
  }

  static AccessScope scope(DataFetchingEnvironment env) {
    return of(env).scope();
  }

  /**
   * The caller's scope for search and typeahead: what it may discover, and of which it may see the
   * details, so that a product it may not read is never found by its columns or ports.
   */
  static ReadScope searchScope(DataFetchingEnvironment env) {
    AccessScope scope = scope(env);
    return scope.readScope();
  }

  /** Fails the field if the query has run out of time. */
  void checkDeadline() {
    if (Instant.now().isAfter(deadline)) {
      throw new ProblemException(
          ProblemType.QUERY_TIMEOUT,
          "the query ran longer than " + timeout.toMillis() + " ms; ask for less");
    }
  }
}
