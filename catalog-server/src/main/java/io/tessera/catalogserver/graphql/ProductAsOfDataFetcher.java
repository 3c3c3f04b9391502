package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.api.AsOf;
import io.tessera.catalogserver.api.ProductAsOfView;
import io.tessera.catalogserver.api.ProductReads;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;

/**
 * {@code Query.productAsOf}: a data product as it was at an instant, through the same reads and the
 * same scope as {@code GET /api/v1/products/{domain}/{name}?asOf=}; null where REST answers 404.
 */
final class ProductAsOfDataFetcher implements DataFetcher<ProductAsOfView> {
  private final ProductReads reads;

  ProductAsOfDataFetcher(ProductReads reads) {
    this.reads = reads;
  }

  @Override
  public ProductAsOfView get(DataFetchingEnvironment env) {
    AsOf asOf = AsOf.parse(env.getArgument(AsOf.PARAMETER));
    try {
      return reads.view(
          env.getArgument("domain"), env.getArgument("name"), asOf, GraphQLRequest.scope(env));
    } catch (ProblemException e) {
      if (e.type() == ProblemType.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
