package io.tessera.graphstore;

/** A listing filter with a value that names nothing (an unknown lifecycle, a bad domain name). */
public class InvalidFilterException extends GraphStoreException {
  public InvalidFilterException(String message) {
    super(message);
  }
}
