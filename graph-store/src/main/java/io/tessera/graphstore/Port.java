package io.tessera.graphstore;

import io.tessera.ontology.PortType;
import java.util.List;

/**
 * An input or output port of a data product.
 *
 * @param dataset the OpenLineage dataset the port promises to serve (or reads); may be null for a
 *     port known only by its contract
 * @param contract the id of the data contract the port conforms to, or null
 * @param binding the observation that bound the port, or null while it is only promised
 * @param slo what an output port promises (its service level objectives), or null
 */
public record Port(
    String name,
    PortType type,
    String description,
    DatasetRef dataset,
    String contract,
    List<FieldDef> schema,
    PortBinding binding,
    Slo slo) {
  public Port {
    schema = List.copyOf(schema);
  }

  /** A port without service level objectives. */
  public Port(
      String name,
      PortType type,
      String description,
      DatasetRef dataset,
      String contract,
      List<FieldDef> schema,
      PortBinding binding) {
    this(name, type, description, dataset, contract, schema, binding, null);
  }

  /** The same port with a binding. */
  public Port withBinding(PortBinding newBinding) {
    return new Port(name, type, description, dataset, contract, schema, newBinding, slo);
  }
}
