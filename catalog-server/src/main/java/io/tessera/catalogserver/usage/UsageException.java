package io.tessera.catalogserver.usage;

/** The usage records could not be read (the database failed). */
public class UsageException extends RuntimeException {
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
