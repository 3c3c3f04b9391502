package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.util.List;

/** {@code Query.purposeCodes}: the purpose codes an access request may name, sorted. */
final class ExchangePurposeCodesDataFetcher implements DataFetcher<List<String>> {
  private final ExchangeService exchange;

  ExchangePurposeCodesDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public List<String> get(DataFetchingEnvironment env) {
    return List.copyOf(exchange.purposeCodes());
  }
}
