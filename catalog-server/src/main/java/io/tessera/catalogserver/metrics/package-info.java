/**
 * Metrics and readiness for the platform team: {@code /metrics} in the Prometheus text format
 * ({@link io.tessera.catalogserver.metrics.PrometheusMetricsEndpoint}, admins only) with the HTTP
 * server's meters and Tessera's own ({@link io.tessera.catalogserver.metrics.CatalogMeters}), and
 * readiness that means "caught up with what was journaled and committed at start-up" ({@link
 * io.tessera.catalogserver.metrics.CatchUpReadiness}). Other parts add meters with a {@code
 * MeterBinder} bean; {@link io.tessera.catalogserver.metrics.Sampled} keeps query-backed gauges to
 * one read per scrape.
 */
package io.tessera.catalogserver.metrics;
