package io.tessera.catalogserver.graphql;

import io.tessera.graphstore.Port;
import io.tessera.graphstore.PortAccess;
import io.tessera.graphstore.PortBinding;
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

  /** How the binding matched the promised dataset; null while planned or when not readable. */
  public BindingMatch boundThrough() {
    PortBinding binding = port.binding();
    if (binding == null || !readable) {
      return null;
    }
    PortBinding.Symlink through = binding.through();
    return new BindingMatch(
        through == null ? "NAME" : "SYMLINK",
        through == null ? binding.dataset().namespace() : through.identifier().namespace(),
        through == null ? binding.dataset().name() : through.identifier().name(),
        through == null ? null : through.type(),
        binding.dataset().namespace(),
        binding.dataset().name(),
        binding.explanation());
  }

  /** {@code PortBindingMatch}: which identity of the written dataset matched the promise. */
  record BindingMatch(
      String kind,
      String namespace,
      String name,
      String symlinkType,
      String observedNamespace,
      String observedName,
      String description) {}
}
