package io.tessera.catalogserver.api;

import io.micronaut.serde.annotation.Serdeable;
import io.tessera.searchindex.IndexStatus;

/**
 * The search index's state.
 *
 * @param revision the graph revision whose changes are all searchable
 * @param graphRevision the graph's current revision; equal to {@code revision} once caught up
 * @param rebuildDone entities indexed by the running (or last) rebuild
 * @param rebuildTotal entities the running (or last) rebuild has to index
 * @param rebuilds full rebuilds since the server started (0 when the index on disk was consistent)
 * @param pending change batches waiting to be indexed
 */
@Serdeable
public record SearchStatusView(
    long revision,
    long graphRevision,
    int documents,
    boolean rebuilding,
    long rebuildDone,
    long rebuildTotal,
    int rebuilds,
    int pending) {

  static SearchStatusView of(IndexStatus status, long graphRevision) {
    return new SearchStatusView(
        status.revision(),
        graphRevision,
        status.documents(),
        status.rebuilding(),
        status.rebuildDone(),
        status.rebuildTotal(),
        status.rebuilds(),
        status.pending());
  }
}
