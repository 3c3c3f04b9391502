package io.tessera.graphstore;

/**
 * A committed change to one catalog entity, delivered to {@link ChangeListener}s after the commit.
 *
 * @param entityIri the entity that changed (a domain, product, dataset...); for {@link
 *     ChangeType#RESET} the store's vocabulary graph IRI
 * @param kind what sort of entity it is
 * @param type what happened to it
 * @param revision the store revision of the commit; increases with every commit
 */
public record ChangeEvent(String entityIri, EntityKind kind, ChangeType type, long revision) {

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
