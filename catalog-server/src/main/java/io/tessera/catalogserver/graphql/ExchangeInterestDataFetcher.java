package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.util.Map;

/**
 * {@code DataProduct.interest}: how many registered interest in the product, the caller's own, and
 * (for those who decide access to it) who; the map {@code GET …/interest} answers, one database
 * read per product.
 */
final class ExchangeInterestDataFetcher implements DataFetcher<Map<String, Object>> {
  private final ExchangeService exchange;

  ExchangeInterestDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public Map<String, Object> get(DataFetchingEnvironment env) {
    ProductNode product = env.getSource();
    return exchange.interest(
        GraphQLRequest.scope(env).principal(), product.product().domain(), product.name());
  }
}
