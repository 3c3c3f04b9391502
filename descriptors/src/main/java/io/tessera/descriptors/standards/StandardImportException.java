package io.tessera.descriptors.standards;

import io.tessera.descriptors.DescriptorException;

/**
 * A published-standard document (ODPS, ODCS or DCS) that cannot be translated into a {@code
 * tessera/v1} descriptor.
 *
 * <p>{@link #field()} is the path of the offending field inside the <em>source</em> document, for
 * example {@code servers[0].type} or {@code schema[2].name}, and {@link #getMessage()} says what is
 * wrong with it without repeating the path, so that the caller can report both next to the
 * document's index ({@code documents[1].servers[0].type: unsupported server type ...}).
 */
public final class StandardImportException extends DescriptorException {

  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field path of the offending field inside the source document
   * @param message what is wrong with it
   */
  public StandardImportException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** Returns the path of the offending field inside the source document. */
  public String field() {
    return field;
  }

  /** Includes the field, so that logs and stack traces show where the problem is. */
  @Override
  public String toString() {
    return getClass().getName() + ": " + field + ": " + getMessage();
  }
}
