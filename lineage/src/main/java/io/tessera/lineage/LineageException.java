package io.tessera.lineage;

/** The root of the lineage module's exceptions. */
public class LineageException extends RuntimeException {
  public LineageException(String message) {
    super(message);
  }

  public LineageException(String message, Throwable cause) {
    super(message, cause);
  }
}
