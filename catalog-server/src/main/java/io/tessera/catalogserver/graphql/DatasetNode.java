package io.tessera.catalogserver.graphql;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.CatalogDataset;
import io.tessera.graphstore.DatasetRef;
import java.util.Map;
import java.util.Set;
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

  /** The fields of {@code Dataset} whose resolvers load the whole dataset. */
  private static final Set<String> DETAIL_FIELDS = Set.of("description", "fields", "product");

  /**
   * Whether the field being fetched (of type {@code Dataset}) selects any of its detail fields,
   * read from the query's syntax (fragments included; {@code @skip}/{@code @include} ignored, which
   * can only load more than needed). Cheaper than {@code env.getSelectionSet()}, which normalises
   * the whole operation.
   */
  static boolean detailsWanted(DataFetchingEnvironment env) {
    for (Field field : env.getMergedField().getFields()) {
      if (selects(field.getSelectionSet(), env.getFragmentsByName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean selects(
      SelectionSet selections, Map<String, FragmentDefinition> fragments) {
    if (selections == null) {
      return false;
    }
    for (Selection<?> selection : selections.getSelections()) {
      boolean wanted =
          switch (selection) {
            case Field f -> DETAIL_FIELDS.contains(f.getName());
            case InlineFragment f -> selects(f.getSelectionSet(), fragments);
            case FragmentSpread f ->
                fragments.containsKey(f.getName())
                    && selects(fragments.get(f.getName()).getSelectionSet(), fragments);
            default -> true;
          };
      if (wanted) {
        return true;
      }
    }
    return false;
  }

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
