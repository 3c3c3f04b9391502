package io.tessera.descriptors;

import java.util.List;

/**
 * One or more documents of a request cannot be read or are wrong: the message says so as a whole,
 * {@link #errors()} names each wrong field. Nothing was applied.
 */
public final class InvalidDescriptorException extends DescriptorException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public InvalidDescriptorException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  /** A request refused for these errors: nothing was applied. */
  public static InvalidDescriptorException rejected(List<FieldError> errors) {
    return new InvalidDescriptorException(
        errors.size() + " error(s) in the descriptor; nothing was applied", errors);
  }

  /** The wrong fields, in document order. */
  public List<FieldError> errors() {
    return errors;
  }
}
