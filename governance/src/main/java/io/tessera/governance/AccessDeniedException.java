package io.tessera.governance;

import java.util.Objects;

/**
 * A principal lacks the permission an operation needs.
 *
 * @see WriteAuthorization
 */
public class AccessDeniedException extends GovernanceException {
  private final String permission;

  /**
   * @param permission the missing permission, e.g. {@code domain-owner of sales}
   */
  public AccessDeniedException(String permission) {
    super("this needs the permission: " + permission);
    this.permission = Objects.requireNonNull(permission);
  }

  /** The missing permission. */
  public String permission() {
    return permission;
  }
}
