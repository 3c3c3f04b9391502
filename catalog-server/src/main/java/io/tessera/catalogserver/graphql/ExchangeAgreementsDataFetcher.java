package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.util.List;

/** {@code Query.agreements}: the agreements the caller holds ({@code mine}) or governs. */
final class ExchangeAgreementsDataFetcher
    implements DataFetcher<List<AccessRequest.AgreementView>> {
  private final ExchangeService exchange;

  ExchangeAgreementsDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public List<AccessRequest.AgreementView> get(DataFetchingEnvironment env) {
    return exchange.agreements(GraphQLRequest.scope(env).principal(), env.getArgument("view"));
  }
}
