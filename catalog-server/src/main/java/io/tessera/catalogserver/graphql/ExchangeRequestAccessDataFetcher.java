package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.AccessRequest;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.util.Map;

/**
 * {@code Mutation.requestAccess}: the same request as {@code POST /api/v1/access-requests}; a
 * refused request is an error with the problem's code and the field errors in {@code
 * extensions.errors}, and a product the caller may not discover answers {@code not-found} like a
 * missing one.
 */
final class ExchangeRequestAccessDataFetcher implements DataFetcher<AccessRequest> {
  private final ExchangeService exchange;

  ExchangeRequestAccessDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  @Override
  public AccessRequest get(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    return exchange.request(
        GraphQLRequest.scope(env).principal(),
        new ExchangeService.RequestInput(
            (String) input.get("product"),
            (String) input.get("port"),
            (String) input.get("purpose"),
            (String) input.get("purposeCode"),
            (String) input.get("intendedUse"),
            (Integer) input.get("durationDays")));
  }
}
