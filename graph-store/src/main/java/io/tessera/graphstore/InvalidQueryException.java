package io.tessera.graphstore;

/**
 * A query the store refuses to run as asked, e.g. one that calls a remote {@code SERVICE}. The
 * message says what to change.
 */
public class InvalidQueryException extends GraphStoreException {
  public InvalidQueryException(String message) {
    super(message);
  }
}
