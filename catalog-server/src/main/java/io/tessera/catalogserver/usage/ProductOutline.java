package io.tessera.catalogserver.usage;

import java.time.Instant;
import java.util.Set;

/**
 * What consumers and time-to-value need of one data product, read from its graphs.
 *
 * @param key {@code domain/name}
 * @param lifecycle the declared lifecycle slug, or null
 * @param datasets IRIs of the datasets its output ports promise or are bound to
 * @param contracts ids of the data contracts its output ports conform to
 * @param inputDatasets IRIs of the datasets its input ports read
 * @param inputContracts ids of the data contracts its input ports read through
 * @param physicalAt the earliest {@code tess:boundAt} of its output ports, or null while planned
 */
record ProductOutline(
    String key,
    String domain,
    String name,
    String lifecycle,
    Set<String> datasets,
    Set<String> contracts,
    Set<String> inputDatasets,
    Set<String> inputContracts,
    Instant physicalAt) {

  ProductOutline {
    datasets = Set.copyOf(datasets);
    contracts = Set.copyOf(contracts);
    inputDatasets = Set.copyOf(inputDatasets);
    inputContracts = Set.copyOf(inputContracts);
  }

  /** Whether the product has been retired or deprecated: no longer expected to make progress. */
  boolean winding() {
    return "retired".equals(lifecycle) || "deprecated".equals(lifecycle);
  }
}
