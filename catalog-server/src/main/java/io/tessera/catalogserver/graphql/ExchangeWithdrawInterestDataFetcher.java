package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeService;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;

/**
 * {@code Mutation.withdrawInterest}: withdraws the caller's interest in a product; {@code
 * not-found} when it had none, as {@code DELETE …/interest} answers.
 */
final class ExchangeWithdrawInterestDataFetcher implements DataFetcher<Boolean> {
  private final ExchangeService exchange;

  ExchangeWithdrawInterestDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public Boolean get(DataFetchingEnvironment env) {
    String domain = env.getArgument("domain");
    String name = env.getArgument("name");
    if (!exchange.removeInterest(GraphQLRequest.scope(env).principal(), domain, name)) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "you registered no interest in " + domain + "/" + name);
    }
    return true;
  }
}
