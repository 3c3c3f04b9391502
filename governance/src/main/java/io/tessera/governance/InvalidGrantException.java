package io.tessera.governance;

/** A request to grant rights (an API token) with a wrong field; nothing was granted. */
public final class InvalidGrantException extends GovernanceException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidGrantException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The wrong field of the request, e.g. {@code roles} or {@code attributes.region}. */
  public String field() {
    return field;
  }
}
