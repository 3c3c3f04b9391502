package io.tessera.catalogserver.api;

import io.micronaut.http.HttpRequest;

/** Who is making a request, for the revision history. */
final class Actors {
  private Actors() {}

  /** The authenticated principal's name, or {@code anonymous}. */
  static String of(HttpRequest<?> request) {
    return request.getUserPrincipal().map(p -> p.getName()).orElse("anonymous");
  }
}
