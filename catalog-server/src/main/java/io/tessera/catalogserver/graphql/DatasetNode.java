package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.DatasetRef;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code Dataset} as GraphQL shows it. A dataset reached through a port the caller may read is
 * known by its identity only, and its details (description, columns, owning product) are loaded
 * through the datasets loader when a query asks for them.
 *
 * @param dataset the dataset as the catalog knows it, or null until loaded
 * @param readable whether the caller may see its columns
 * @param bound whether it was reached through an output port bound to it, which proves it has been
 *     observed (so {@code physical} needs no read)
 * @param detailsWanted whether the query asks for details of it besides {@code physical} (its
 *     description, fields or product), which load the whole dataset anyway; when it does not,
 *     {@code physical} is read alone, which costs a fraction of the whole dataset
 */
record DatasetNode(
    DatasetRef ref,
    String iri,
    CatalogDataset dataset,
    boolean readable,
    boolean bound,
    boolean detailsWanted) {
  DatasetNode(CatalogDataset dataset, boolean readable) {
    this(dataset.ref(), dataset.iri(), dataset, readable, false, true);
  }

  /** A selection glob of the fields of {@code Dataset} whose resolvers load the whole dataset. */
  static final String DETAIL_FIELDS = "{description,fields,product}";

  public String id() {
    return GlobalId.of("Dataset", ref.namespace(), ref.name());
  }

  public String namespace() {
    return ref.namespace();
  }

  public String name() {
    return ref.name();
  }

  /** Whether it has been observed: known, or read alone, or from the whole dataset. */
  CompletableFuture<Boolean> physical(DataFetchingEnvironment env) {
    if (bound) {
      return CompletableFuture.completedFuture(true); // a port is bound to it: observed
    }
    if (dataset != null || detailsWanted) {
      return details(env).thenApply(d -> d != null && d.physical());
    }
    return CatalogLoaders.physical(env, iri);
  }

  /** The dataset's details, loaded (batched) if this node was made from its identity only. */
  CompletableFuture<CatalogDataset> details(DataFetchingEnvironment env) {
    return dataset != null
        ? CompletableFuture.completedFuture(dataset)
        : CatalogLoaders.dataset(env, iri);
  }
}
