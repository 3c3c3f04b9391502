package io.tessera.graphstore;

/** An import could not be parsed; the store was left unchanged. */
public class ImportException extends GraphStoreException {
  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
