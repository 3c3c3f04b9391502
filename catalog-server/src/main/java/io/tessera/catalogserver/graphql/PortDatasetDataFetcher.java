package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.ontology.IriMinter;

/**
 * {@code Port.dataset}: the dataset a port promises, marked bound when the port's binding proves
 * that dataset (by its namespace and name or through a symlink); null when the port names none or
 * the caller may not read the port.
 */
final class PortDatasetDataFetcher implements DataFetcher<DatasetNode> {
  private final IriMinter iris;

  PortDatasetDataFetcher(IriMinter iris) {
    this.iris = iris;
  }

  @Override
  public DatasetNode get(DataFetchingEnvironment env) {
    PortNode port = env.getSource();
    var ref = port.port().dataset();
    boolean bound =
        port.port().binding() != null && ref != null && port.port().binding().proves(ref);
    return port.readable() && ref != null
        ? new DatasetNode(
            ref,
            iris.dataset(ref.namespace(), ref.name()),
            null,
            true,
            bound,
            DatasetNode.detailsWanted(env))
        : null;
  }
}
