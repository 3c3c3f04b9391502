package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.api.AppliedPolicyView;
import io.tessera.governance.Principal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code DataProduct.policies}: the policies that apply to the product, through the policies loader
 * (one evaluation for every product of a query level). Shown to admins and to owners of the
 * product's domain, global policies included with only what matched this product (the whole of a
 * global policy, which names other domains' products, is for admins: {@code GET /api/v1/policies},
 * SPARQL); null for everyone else, because a policy's constraints tell which attributes unlock
 * what.
 */
final class ProductPoliciesDataFetcher
    implements DataFetcher<CompletableFuture<List<AppliedPolicyView>>> {

  @Override
  public CompletableFuture<List<AppliedPolicyView>> get(DataFetchingEnvironment env) {
    ProductNode product = env.getSource();
    if (!maySee(GraphQLRequest.scope(env).principal(), product.product().domain())) {
      return CompletableFuture.completedFuture(null);
    }
    return CatalogLoaders.policies(env, product.key());
  }

  /** Admins, and domain owners of the product's domain. */
  static boolean maySee(Principal principal, String domain) {
    return principal.ownsDomain(domain);
  }
}
