package io.tessera.governance;

/** The root of every error the governance module reports. */
public class GovernanceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GovernanceException(String message) {
    super(message);
  }
}
