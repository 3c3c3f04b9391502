package io.tessera.catalogserver.health;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Why a port or product is not healthy.
 *
 * @param port the output port, or null for a reason about the whole product
 * @param code {@code last-run-failed}, {@code freshness}, {@code success-rate}, {@code quality},
 *     {@code schema-stability}, {@code breaking-change}, {@code toxic-combination} or {@code
 *     incident}
 * @param status how bad it is
 * @param message what happened, in words
 */
@Serdeable
public record Reason(String port, String code, String status, String message) {
  static Reason of(String port, String code, HealthStatus status, String message) {
    return new Reason(port, code, status.slug(), message);
  }

  HealthStatus severity() {
    return HealthStatus.of(status);
  }
}
