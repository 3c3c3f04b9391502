package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.graphstore.ProductKey;
import io.tessera.ontology.IriMinter;
import java.util.Map;

/** {@code Mutation.retireProduct}: a new revision of the product with lifecycle retired. */
final class RetireProductDataFetcher implements DataFetcher<ApplyPayloadView> {
  private final ApplyService apply;
  private final Visibility visibility;

  RetireProductDataFetcher(ApplyService apply, Visibility visibility) {
    this.apply = apply;
    this.visibility = visibility;
  }

  @Override
  public ApplyPayloadView get(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    String domain = (String) input.get("domain");
    String name = (String) input.get("name");
    if (!IriMinter.isSlug(domain)
        || !IriMinter.isSlug(name)
        || !visibility.mayDiscoverProduct(
            GraphQLRequest.scope(env), new ProductKey(domain, name))) {
      throw new ProblemException(ProblemType.NOT_FOUND, "no data product " + domain + "/" + name);
    }
    return ApplyPayloadView.of(apply.retire(domain, name, GraphQLRequest.scope(env).principal()));
  }
}
