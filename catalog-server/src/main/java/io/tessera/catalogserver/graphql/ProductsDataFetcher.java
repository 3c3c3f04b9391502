package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.governance.AccessScope;
import io.tessera.graphstore.GraphReader;
import io.tessera.graphstore.ProductFilter;
import io.tessera.graphstore.ProductKey;
import io.tessera.graphstore.ProductReadModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code Query.products} and {@code Domain.products}: a keyset-paged connection of the products the
 * caller may discover, forwards ({@code first}/{@code after}) or backwards ({@code last}/{@code
 * before}). The keys of the page come from the product index and the products from the product
 * cache; whatever of them is not in memory is read in one store read.
 */
final class ProductsDataFetcher implements DataFetcher<Connection<ProductNode>> {
  private final CatalogReads reads;
  private final Visibility visibility;
  private final GraphQLConfig config;

  ProductsDataFetcher(CatalogReads reads, Visibility visibility, GraphQLConfig config) {
    this.reads = reads;
    this.visibility = visibility;
    this.config = config;
  }

  @Override
  public Connection<ProductNode> get(DataFetchingEnvironment env) {
    PageRequest page = PageRequest.of(env, config);
    String domain =
        env.getSource() instanceof DomainNode d ? d.name() : env.<String>getArgument("domain");
    ProductFilter filter = ProductFilter.of(domain, env.getArgument("lifecycle"), null, 1);
    boolean backwards = page.backwards();
    String cursor = backwards ? page.before() : page.after();
    String from = cursor == null ? null : PageRequest.value(cursor, "p");
    AccessScope scope = GraphQLRequest.scope(env);
    int size = page.size();
    ProductReadModel.Stamp stamp = reads.stamp();
    List<ProductNode> found =
        reads.read(r -> collect(r, filter, backwards, from, size + 1, scope, stamp));
    boolean more = found.size() > size;
    List<ProductNode> kept = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
    if (backwards) {
      Collections.reverse(kept);
    }
    List<Connection.Edge<ProductNode>> edges = new ArrayList<>(kept.size());
    for (ProductNode p : kept) {
      edges.add(
          new Connection.Edge<>(
              PageRequest.cursor("p", p.product().domain() + "/" + p.product().name()), p));
    }
    return backwards
        ? Connection.of(edges, page.before() != null, more, -1)
        : Connection.of(edges, more, page.after() != null, -1);
  }

  /** Reads visible products from the cursor on until {@code wanted} are found or none are left. */
  private List<ProductNode> collect(
      GraphReader r,
      ProductFilter filter,
      boolean backwards,
      String from,
      int wanted,
      AccessScope scope,
      ProductReadModel.Stamp stamp) {
    List<ProductNode> found = new ArrayList<>(wanted);
    String position = from;
    int batch = wanted;
    while (found.size() < wanted) {
      ProductFilter page =
          new ProductFilter(
              filter.domain(), filter.lifecycle(), filter.physical(), position, batch);
      // the index lists only keys the caller may discover; the node is checked once more as every
      // product is
      List<String> keys = reads.keys(r, stamp, page, backwards, scope.discover());
      for (String key : keys) {
        if (found.size() < wanted) {
          ProductNode node =
              visibility.product(scope, reads.product(r, ProductKey.parse(key), stamp));
          if (node != null) {
            found.add(node);
          }
        }
      }
      if (keys.size() < batch) {
        break;
      }
      position = keys.getLast();
      batch = Math.min(batch * 2, 4 * config.maxPageSize());
    }
    return found;
  }
}
