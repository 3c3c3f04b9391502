package io.tessera.cli.client;

import java.net.URI;

/**
 * Where the server is and the token to send.
 *
 * @param url the server's base URL, e.g. {@code http://localhost:8080}
 * @param token the API token, or null to call anonymously
 */
public record Connection(URI url, String token) {
  /** The URL as people write it, without a trailing slash. */
  public String display() {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }
}
