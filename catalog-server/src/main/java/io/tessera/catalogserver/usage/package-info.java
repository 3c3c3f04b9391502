/**
 * Who uses what, and time-to-value. {@link io.tessera.catalogserver.usage.ConsumerService} lists a
 * data product's consumers in one list (active agreements from {@code access_request}, jobs of
 * other domains that lineage shows reading its datasets, products whose input ports read its
 * datasets or contracts); {@link io.tessera.catalogserver.usage.TimeToValueService} computes each
 * product's milestones (declared and planned from {@code descriptor_revision}, physical from the
 * ports' {@code tess:boundAt}, first consumer from agreements and foreign reading runs), their lead
 * times, and per quarter their count, median and 90th percentile, on request with a fixed number of
 * queries. {@link io.tessera.catalogserver.usage.ImpactService} answers who a descriptor request
 * would break: the breaking changes against each product's latest revision ({@code
 * BreakingChanges}) with the consumers of each, reusing the consumer list's reads with the
 * product's own domain's jobs included and jobs narrowed to a changed column by column lineage
 * ({@code api/ImpactController} serves it). {@link io.tessera.catalogserver.usage.UsageController}
 * serves the others; GraphQL's {@code UsageWiring} exposes the same. The queries are in {@code
 * usage/*.rq}; the rules are in {@code docs/exchange.md} and {@code docs/descriptors.md}.
 */
package io.tessera.catalogserver.usage;
