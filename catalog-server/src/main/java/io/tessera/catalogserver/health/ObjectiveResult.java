package io.tessera.catalogserver.health;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One objective of a port's SLO as last evaluated.
 *
 * @param objective {@code freshness}, {@code successRate}, {@code quality} or {@code
 *     schemaStability}
 * @param target what is promised, e.g. {@code PT24H} or {@code >= 0.95 over P7D}
 * @param actual what was observed, e.g. {@code last successful write 2026-01-07T09:20:18Z}
 * @param met whether it holds
 */
@Serdeable
public record ObjectiveResult(String objective, String target, String actual, boolean met) {}
