package io.tessera.catalogserver.security;

/** Credentials that were presented and are not valid (unknown, expired, revoked, bad signature). */
public class AuthenticationException extends RuntimeException {
  public AuthenticationException(String message) {
    super(message);
  }
}
