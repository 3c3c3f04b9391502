package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.exchange.ExchangeRepository;
import io.tessera.catalogserver.exchange.ExchangeService;
import java.time.Instant;
import java.util.List;

/** {@code Query.inbox}: the caller's inbox items, newest first. */
final class ExchangeInboxDataFetcher
    implements DataFetcher<List<ExchangeInboxDataFetcher.ItemView>> {
  private final ExchangeService exchange;

  ExchangeInboxDataFetcher(ExchangeService exchange) {
    this.exchange = exchange;
  }

  /** {@code InboxItem}. */
  record ItemView(
      long id,
      String kind,
      String product,
      String requestId,
      String message,
      Instant createdAt,
      boolean read,
      Instant readAt) {
    static ItemView of(ExchangeRepository.InboxItem item) {
      return new ItemView(
          item.id(),
          item.kind(),
          item.product(),
          item.requestId(),
          item.message(),
          item.createdAt(),
          item.readAt() != null,
          item.readAt());
    }
  }

  @Override
  public List<ItemView> get(DataFetchingEnvironment env) {
    return exchange.inbox(GraphQLRequest.scope(env).principal()).stream()
        .map(ItemView::of)
        .toList();
  }
}
