package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.governance.AccessScope;
import java.util.List;
import java.util.Objects;

/** {@code Query.domains}: the domains the caller may discover, by name. */
final class DomainsDataFetcher implements DataFetcher<Connection<DomainNode>> {
  private final CatalogReads reads;
  private final Visibility visibility;
  private final GraphQLConfig config;

  DomainsDataFetcher(CatalogReads reads, Visibility visibility, GraphQLConfig config) {
    this.reads = reads;
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public Connection<DomainNode> get(DataFetchingEnvironment env) {
    PageRequest page = PageRequest.of(env, config);
    AccessScope scope = GraphQLRequest.scope(env);
    List<DomainNode> visible =
        reads.domains().values().stream()
            .map(d -> visibility.domain(scope, d))
            .filter(Objects::nonNull)
            .toList();
    return page.page(visible);
  }
}
