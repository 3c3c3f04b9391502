package io.tessera.lineage;

import io.tessera.graphstore.ProductRepository.PortKey;
import java.util.List;

/**
 * What projecting a batch of journal entries did.
 *
 * @param position the journal position projected through
 * @param bound output ports bound because a run was seen writing their dataset
 * @param schemaChanges schema changes detected, by dataset IRI
 * @param announcedRevision the graph revision whose change events announced what the batch changed
 *     (the search index follows it), or 0 when the batch announced nothing
 */
public record ProjectionResult(
    long position,
    int events,
    List<PortKey> bound,
    List<DetectedChange> schemaChanges,
    long announcedRevision) {

  /** A schema change detected on a dataset. */
  public record DetectedChange(String datasetIri, SchemaDiff.Change change) {}
}
