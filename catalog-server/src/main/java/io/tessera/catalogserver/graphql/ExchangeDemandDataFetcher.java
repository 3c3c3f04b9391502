package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code Query.demand}: products the caller may discover, ranked by interest. */
final class ExchangeDemandDataFetcher
    implements DataFetcher<List<ExchangeDemandDataFetcher.DemandView>> {
  private final ExchangeService exchange;

  ExchangeDemandDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  /** {@code Demand}; {@code state} as the {@code ProductState} enum names it. */
  record DemandView(String product, String title, String state, int count, Instant latest) {
    static DemandView of(Map<String, Object> row) {
      return new DemandView(
          (String) row.get("product"),
          (String) row.get("title"),
          ((String) row.get("state")).toUpperCase(Locale.ROOT),
          ((Number) row.get("count")).intValue(),
          (Instant) row.get("latest"));
    }
  }

  @Override
  public List<DemandView> get(DataFetchingEnvironment env) {
    return exchange
        .demand(
            GraphQLRequest.scope(env).principal(),
            env.getArgument("domain"),
            env.getArgument("state"))
        .stream()
        .map(DemandView::of)
        .toList();
  }
}
