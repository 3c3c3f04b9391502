package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.api.AsOf;
import io.tessera.catalogserver.api.Page;
import io.tessera.catalogserver.api.ProductReads;
import io.tessera.catalogserver.api.ProductView;

/**
 * {@code Query.productsAsOf}: the data products that existed at an instant, through the same reads
 * and the same scope as {@code GET /api/v1/products?asOf=}.
 */
final class ProductsAsOfDataFetcher implements DataFetcher<Page<ProductView.Summary>> {
  private final ProductReads reads;

  ProductsAsOfDataFetcher(ProductReads reads) {
    this.reads = reads;
  }

  @Override
  public Page<ProductView.Summary> get(DataFetchingEnvironment env) {
    AsOf asOf = AsOf.parse(env.getArgument(AsOf.PARAMETER));
    Integer first = env.getArgument("first");
    return reads.list(
        env.getArgument("domain"),
        env.getArgument("lifecycle"),
        env.getArgument("after"),
        first == null ? 50 : first,
        asOf,
        GraphQLRequest.scope(env));
  }
}
