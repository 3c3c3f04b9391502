package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeRepository;
import io.tessera.catalogserver.exchange.ExchangeService;

/** {@code Mutation.registerInterest}: registers or updates the caller's interest in a product. */
final class ExchangeRegisterInterestDataFetcher
    implements DataFetcher<ExchangeRepository.Interest> {
  private final ExchangeService exchange;

  ExchangeRegisterInterestDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public ExchangeRepository.Interest get(DataFetchingEnvironment env) {
    return exchange.putInterest(
        GraphQLRequest.scope(env).principal(),
        env.getArgument("domain"),
        env.getArgument("name"),
        env.getArgument("useCase"));
  }
}
