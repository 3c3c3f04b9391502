package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;

/**
 * {@code Query.accessRequest}: one request for its requester and deciders; null, like any lookup of
 * the schema, when it does not exist or is not theirs (which the service does not tell apart).
 */
final class AccessRequestDataFetcher implements DataFetcher<AccessRequest> {
  private final ExchangeService exchange;

  AccessRequestDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public AccessRequest get(DataFetchingEnvironment env) {
    try {
      return exchange.find(GraphQLRequest.scope(env).principal(), env.getArgument("id"));
    } catch (ProblemException e) {
      if (e.type() == ProblemType.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
