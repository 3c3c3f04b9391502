package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.util.List;

/**
 * {@code Query.accessRequests}: the caller's requests ({@code mine}) or those it may decide ({@code
 * inbox}), newest first, as {@code GET /api/v1/access-requests} lists them.
 */
final class AccessRequestsDataFetcher implements DataFetcher<List<AccessRequest>> {
  private final ExchangeService exchange;

  AccessRequestsDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public List<AccessRequest> get(DataFetchingEnvironment env) {
    return exchange.list(
        GraphQLRequest.scope(env).principal(), env.getArgument("view"), env.getArgument("state"));
  }
}
