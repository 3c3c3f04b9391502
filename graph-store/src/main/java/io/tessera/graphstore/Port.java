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
 * @param access how a consumer reaches an output port, or null when it does not say
 */
public record Port(
    String name,
    PortType type,
    String description,
    DatasetRef dataset,
    String contract,
    List<FieldDef> schema,
    PortBinding binding,
    Slo slo,
    PortAccess access) {
  public Port {
    schema = List.copyOf(schema);
  }

  /** A port that does not say how it is reached. */
  public Port(
      String name,
      PortType type,
      String description,
      DatasetRef dataset,
      String contract,
      List<FieldDef> schema,
      PortBinding binding,
      Slo slo) {
    this(name, type, description, dataset, contract, schema, binding, slo, null);
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
    this(name, type, description, dataset, contract, schema, binding, null, null);
  }

  /** The same port with a binding. */
  public Port withBinding(PortBinding newBinding) {
    return new Port(name, type, description, dataset, contract, schema, newBinding, slo, access);
  }
}
