package io.tessera.graphstore;

/** An entity the operation refers to does not exist in the graph. */
public class EntityNotFoundException extends GraphStoreException {
  private final String iri;

  public EntityNotFoundException(String iri) {
    super("not found: " + iri);
    this.iri = iri;
  }

  public String iri() {
    return iri;
  }
}
