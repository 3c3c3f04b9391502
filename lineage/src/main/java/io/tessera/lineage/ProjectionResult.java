package io.tessera.lineage;

import io.tessera.graphstore.ProductRepository.PortKey;
import java.util.List;

/**
 * What projecting a batch of journal entries did.
 *
 * @param position the journal position projected through
 * @param bound output ports bound because a run was seen writing their dataset
 * @param schemaChanges schema changes detected, by dataset IRI
 */
public record ProjectionResult(
    long position, int events, List<PortKey> bound, List<DetectedChange> schemaChanges) {

  /** A schema change detected on a dataset. */
  public record DetectedChange(String datasetIri, SchemaDiff.Change change) {}
}
