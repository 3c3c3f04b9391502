package io.tessera.graphstore;

/**
 * A committed change to one catalog entity, delivered to {@link ChangeListener}s after the commit.
 *
 * @param entityIri the entity that changed (a domain, product, dataset...); for {@link
 *     ChangeType#RESET} the store's vocabulary graph IRI
 * @param kind what sort of entity it is
 * @param type what happened to it
 * @param revision the store revision of the commit; increases with every commit (local to this copy
 *     of the store)
 * @param journalPosition the catalog journal position of the write, the same on every node; 0 for a
 *     write that is not journaled (lineage projection, derived bindings, the vocabulary)
 * @param replayed whether the write was made on another node (or before a restart) and applied here
 *     from the journal: listeners that record a write's consequences in shared storage react only
 *     where it was made
 */
public record ChangeEvent(
    String entityIri,
    EntityKind kind,
    ChangeType type,
    long revision,
    long journalPosition,
    boolean replayed) {

  /** A change of a write that is not journaled. */
  public ChangeEvent(String entityIri, EntityKind kind, ChangeType type, long revision) {
    this(entityIri, kind, type, revision, 0, false);
  }

  /** What sort of entity changed. */
  public enum EntityKind {
    DOMAIN,
    DATA_PRODUCT,
    DATASET,
    JOB,
    RUN,
    POLICY,
    AGREEMENT,
    STORE
  }

  /** What happened to the entity. */
  public enum ChangeType {
    /** Created or changed. */
    UPSERT,
    /** Removed from the graph. */
    DELETE,
    /** The whole store was replaced (import); derived views must rebuild. */
    RESET
  }
}
