package io.tessera.catalogserver.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.tessera.graphstore.Port;
import java.util.List;

/** {@code DataProduct.outputPorts} and {@code DataProduct.inputPorts}, in declaration order. */
final class ProductPortsDataFetcher implements DataFetcher<Connection<PortNode>> {
  private final boolean output;
  private final GraphQLConfig config;

  ProductPortsDataFetcher(boolean output, GraphQLConfig config) {
    this.output = output;
    this.config = config;
  }

  @Override
  public Connection<PortNode> get(DataFetchingEnvironment env) {
    ProductNode product = env.getSource();
    List<Port> ports = output ? product.product().outputPorts() : product.product().inputPorts();
    String direction = output ? "OUTPUT" : "INPUT";
    return PageRequest.of(env, config)
        .page(
            ports.stream()
                .map(p -> new PortNode(product.key(), direction, p, product.readable()))
                .toList());
  }
}
