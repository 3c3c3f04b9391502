package io.tessera.catalogserver.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the health monitor ({@code tessera.health.*}).
 *
 * @param enabled whether lineage and the clock are evaluated at all
 * @param checkInterval how often the scheduled check (freshness, findings) runs, e.g. {@code 1m}
 */
@ConfigurationProperties("tessera.health")
public record HealthConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "1m") String checkInterval) {}
