package io.tessera.catalogserver;

/**
 * The admin token the integration tests' server accepts ({@code tessera.security.admin-token} in
 * {@code application-test.yml}, {@code TESSERA_ADMIN_TOKEN} for the packaged server).
 */
public final class TestCredentials {
  /** Sent as {@code Authorization: Bearer …}. */
  public static final String ADMIN_TOKEN = "test-admin-token-7f3c9a1e5b2d4c6f8a0e";

  private TestCredentials() {}
}
