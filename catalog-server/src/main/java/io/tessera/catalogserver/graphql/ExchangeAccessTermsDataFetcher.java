package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.util.List;

/**
 * {@code DataProduct.accessTerms}: how access to the product is requested, the strictest of the
 * policies that target it (as {@code GET …/access-terms} answers).
 */
final class ExchangeAccessTermsDataFetcher
    implements DataFetcher<ExchangeAccessTermsDataFetcher.TermsView> {
  private final ExchangeService exchange;

  ExchangeAccessTermsDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  /** {@code AccessTerms}. */
  record TermsView(String approval, int maxDurationDays, List<String> policies) {}

  @Override
  public TermsView get(DataFetchingEnvironment env) {
    ProductNode product = env.getSource();
    ExchangeService.AccessTerms terms =
        exchange.terms(product.product().domain() + "/" + product.name());
    // policies are seen only by those who govern them
    boolean governs = GraphQLRequest.scope(env).principal().ownsDomain(product.product().domain());
    return new TermsView(
        terms.approval().slug(), terms.maxDays(), governs ? terms.decidedBy() : List.of());
  }
}
