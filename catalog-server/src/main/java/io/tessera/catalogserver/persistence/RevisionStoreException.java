package io.tessera.catalogserver.persistence;

/** The relational database could not read or write revisions. */
public class RevisionStoreException extends RuntimeException {
  public RevisionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
