package io.tessera.ontology;

/** The root of the ontology module's exceptions: a vocabulary or IRI cannot be used. */
public class OntologyException extends RuntimeException {
  public OntologyException(String message) {
    super(message);
  }

  public OntologyException(String message, Throwable cause) {
    super(message, cause);
  }
}
