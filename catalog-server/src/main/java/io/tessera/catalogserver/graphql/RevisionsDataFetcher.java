package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.catalogserver.persistence.RevisionRepository;

/**
 * {@code DataProduct.revisions}: the descriptor history, oldest first, from the database. For a
 * caller who may discover the product but not read it, each revision is shown without its
 * descriptor and changes, as the REST API shows it ({@code RevisionView.outline}): both carry the
 * ports' datasets and schemas.
 */
final class RevisionsDataFetcher implements DataFetcher<Connection<RevisionNode>> {
  private final RevisionRepository revisions;
  private final GraphQLConfig config;

  RevisionsDataFetcher(RevisionRepository revisions, GraphQLConfig config) {
    this.revisions = revisions;
    this.config = config;
  }

  @Override
  public Connection<RevisionNode> get(DataFetchingEnvironment env) {
    ProductNode product = env.getSource();
    return PageRequest.of(env, config)
        .page(
            revisions.history(product.iri()).stream()
                .map(r -> product.readable() ? RevisionNode.of(r) : RevisionNode.outline(r))
                .toList());
  }
}
