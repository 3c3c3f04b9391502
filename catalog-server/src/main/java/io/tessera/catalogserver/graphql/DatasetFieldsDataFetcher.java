package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.CatalogDataset;
import java.util.List;

/**
 * {@code Dataset.fields}: the current observed schema, else the promised one; null when the caller
 * may not read the dataset.
 */
final class DatasetFieldsDataFetcher implements DataFetcher<Connection<FieldNode>> {
  private final GraphQLConfig config;

  DatasetFieldsDataFetcher(GraphQLConfig config) {
    this.config = config;
  }

  @Override
  public Connection<FieldNode> get(DataFetchingEnvironment env) {
    DatasetNode dataset = env.getSource();
    if (!dataset.readable()) {
      return null;
    }
    List<CatalogDataset.Column> columns =
        dataset.dataset().observedColumns().isEmpty()
            ? dataset.dataset().promisedColumns()
            : dataset.dataset().observedColumns();
    return PageRequest.of(env, config)
        .page(
            columns.stream()
                .map(
                    c ->
                        new FieldNode(
                            dataset.iri(),
                            c.name(),
                            c.dataType(),
                            false,
                            c.description(),
                            c.classification()))
                .toList());
  }
}
