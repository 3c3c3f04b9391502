package io.tessera.lineage;

import io.tessera.graphstore.DatasetRef;
import java.util.List;

/**
 * Declared versus observed, for a product or a domain.
 *
 * @param promisedNotProduced output ports whose dataset no run has been seen writing
 * @param declaredInputsNotRead input datasets no job has been seen reading
 * @param producedUnclaimed datasets written by the same jobs (product) or found in the domain's
 *     namespaces (domain) that no product claims
 */
public record ObservationReport(
    String scope,
    List<PortStatus> promisedNotProduced,
    List<PortStatus> declaredInputsNotRead,
    List<DatasetRef> producedUnclaimed) {

  /** A port of a product and the dataset it promises or reads. */
  public record PortStatus(String domain, String product, String port, DatasetRef dataset) {}
}
