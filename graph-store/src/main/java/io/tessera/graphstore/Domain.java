package io.tessera.graphstore;

/**
 * A business domain of the mesh.
 *
 * @param parent the parent domain's name, or null
 * @param revision the descriptor revision the domain was written from
 */
public record Domain(
    String name, String title, String description, String owner, String parent, long revision) {

  /** The same domain at another descriptor revision. */
  public Domain withRevision(long newRevision) {
    return new Domain(name, title, description, owner, parent, newRevision);
  }
}
