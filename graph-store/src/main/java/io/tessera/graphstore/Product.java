package io.tessera.graphstore;

import io.tessera.ontology.Lifecycle;
import java.time.Instant;
import java.util.List;

/**
 * A data product as declared by its domain team, plus what has been observed about it.
 *
 * @param identifier an external identifier (e.g. an ODPS id), or null
 * @param sourceFormat the descriptor format it was applied from (tessera/v1, odps:v1.0.0...)
 * @param revision the descriptor revision it was written from
 * @param physicalSince when its first output port was bound, or null while it is planned
 * @param health its current health as the catalog evaluated it ({@code healthy}, {@code degraded},
 *     {@code failing}), or null before its first evaluation
 */
public record Product(
    String domain,
    String name,
    String title,
    String description,
    String purpose,
    String owner,
    Lifecycle lifecycle,
    List<String> classification,
    List<String> tags,
    List<Port> outputPorts,
    List<Port> inputPorts,
    List<DatasetRef> groups,
    String identifier,
    String sourceFormat,
    long revision,
    Instant physicalSince,
    String health) {
  public Product {
    classification = List.copyOf(classification);
    tags = List.copyOf(tags);
    outputPorts = List.copyOf(outputPorts);
    inputPorts = List.copyOf(inputPorts);
    groups = List.copyOf(groups);
  }

  /** A product not evaluated for health yet. */
  public Product(
      String domain,
      String name,
      String title,
      String description,
      String purpose,
      String owner,
      Lifecycle lifecycle,
      List<String> classification,
      List<String> tags,
      List<Port> outputPorts,
      List<Port> inputPorts,
      List<DatasetRef> groups,
      String identifier,
      String sourceFormat,
      long revision,
      Instant physicalSince) {
    this(
        domain,
        name,
        title,
        description,
        purpose,
        owner,
        lifecycle,
        classification,
        tags,
        outputPorts,
        inputPorts,
        groups,
        identifier,
        sourceFormat,
        revision,
        physicalSince,
        null);
  }

  /** Planned until an output port is bound to an observed dataset, physical after. */
  public boolean physical() {
    return physicalSince != null;
  }

  /** The same product with other output ports (e.g. bound ones) and physical-since time. */
  public Product withObservations(List<Port> observedOutputPorts, Instant since) {
    return new Product(
        domain,
        name,
        title,
        description,
        purpose,
        owner,
        lifecycle,
        classification,
        tags,
        observedOutputPorts,
        inputPorts,
        groups,
        identifier,
        sourceFormat,
        revision,
        since,
        health);
  }

  /** The same product at another descriptor revision. */
  public Product withRevision(long newRevision) {
    return new Product(
        domain,
        name,
        title,
        description,
        purpose,
        owner,
        lifecycle,
        classification,
        tags,
        outputPorts,
        inputPorts,
        groups,
        identifier,
        sourceFormat,
        newRevision,
        physicalSince,
        health);
  }

  /** The same product with another health status. */
  public Product withHealth(String newHealth) {
    return new Product(
        domain,
        name,
        title,
        description,
        purpose,
        owner,
        lifecycle,
        classification,
        tags,
        outputPorts,
        inputPorts,
        groups,
        identifier,
        sourceFormat,
        revision,
        physicalSince,
        newHealth);
  }
}
