package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.Principal;

/**
 * {@code Mutation.markInboxItemRead}: marks one of the caller's items read and answers it; {@code
 * not-found} for an item that is not the caller's.
 */
final class ExchangeMarkReadDataFetcher implements DataFetcher<ExchangeInboxDataFetcher.ItemView> {
  private final ExchangeService exchange;

  ExchangeMarkReadDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public ExchangeInboxDataFetcher.ItemView get(DataFetchingEnvironment env) {
    Principal principal = GraphQLRequest.scope(env).principal();
    String given = env.getArgument("id");
    long id;
    try {
      id = Long.parseLong(given);
    } catch (NumberFormatException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no inbox item " + given);
    }
    exchange.markRead(principal, id);
    return exchange.inbox(principal).stream()
        .filter(item -> item.id() == id)
        .findFirst()
        .map(ExchangeInboxDataFetcher.ItemView::of)
        .orElse(null);
  }
}
