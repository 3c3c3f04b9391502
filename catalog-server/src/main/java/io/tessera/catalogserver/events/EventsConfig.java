package io.tessera.catalogserver.events;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the change feed ({@code tessera.events.*}).
 *
 * @param retention how long events are kept; older ones are pruned and a cursor before them answers
 *     {@code 410 Gone} ({@code TESSERA_EVENTS_RETENTION}, ISO-8601, default {@code P30D})
 * @param pruneEvery how often the retention is applied
 * @param maxStreams the most server-sent event streams open at once on this node; one more is
 *     refused with {@code 503}
 * @param heartbeat how long a stream stays silent before a comment line keeps it open
 * @param maxLimit the most events one {@code GET /api/v1/changes} returns
 */
@ConfigurationProperties("tessera.events")
public record EventsConfig(
    @Bindable(defaultValue = "P30D") Duration retention,
    @Bindable(defaultValue = "PT1H") Duration pruneEvery,
    @Bindable(defaultValue = "64") int maxStreams,
    @Bindable(defaultValue = "PT15S") Duration heartbeat,
    @Bindable(defaultValue = "500") int maxLimit) {}
