package io.tessera.catalogserver.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.configuration.metrics.management.endpoint.MetricsEndpoint;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;

/**
 * {@code /metrics} in the Prometheus text format, in place of Micronaut's JSON metrics endpoint:
 * the HTTP server's request meters per route, the JVM's, and Tessera's own ({@link CatalogMeters}
 * and any other {@code MeterBinder} bean). Sensitive like every management endpoint but {@code
 * /health}: admins only (security/AdminEndpointRule).
 */
@Endpoint(value = "metrics", defaultSensitive = true)
@Replaces(MetricsEndpoint.class)
public class PrometheusMetricsEndpoint {
  /** The Prometheus text exposition format. */
  public static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public PrometheusMetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** Every meter, as Prometheus scrapes it. */
  @Read(produces = TEXT)
  public String scrape() {
    return registry.scrape();
  }
}
