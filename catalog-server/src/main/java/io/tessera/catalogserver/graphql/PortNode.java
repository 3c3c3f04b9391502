package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortAccess;
import io.tessera.graphstore.ProductKey;
import java.time.Instant;

/**
 * A {@code Port} as GraphQL shows it.
 *
 * @param direction OUTPUT or INPUT
 * @param readable whether the caller may see the port's dataset and schema
 */
record PortNode(ProductKey product, String direction, Port port, boolean readable) {
  public String id() {
    return GlobalId.of("Port", product.domain(), product.name(), direction, port.name());
  }

  public String name() {
    return port.name();
  }

  public String type() {
    return port.type() == null ? null : port.type().slug();
  }

  public String description() {
    return port.description();
  }

  public String contract() {
    return port.contract();
  }

  /** How to reach the port, only for a caller who may read the product. */
  public PortAccess access() {
    return readable ? port.access() : null;
  }

  public boolean bound() {
    return port.binding() != null;
  }

  public Instant boundAt() {
    return port.binding() == null ? null : port.binding().boundAt();
  }
}
