package io.tessera.graphstore;

/** The root of the graph store's exceptions. */
public class GraphStoreException extends RuntimeException {
  public GraphStoreException(String message) {
    super(message);
  }

  public GraphStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
