package io.tessera.catalogserver.exchange;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.List;

/**
 * Settings of the exchange ({@code tessera.exchange.*}).
 *
 * @param purposeCodes purpose codes a request may name besides those the policies' purpose
 *     constraints use ({@code TESSERA_PURPOSE_CODES}, comma-separated)
 * @param defaultDurationDays the duration of a request that names none (capped by the maximum)
 * @param maxDurationDays the longest agreement where no policy says otherwise
 */
@ConfigurationProperties("tessera.exchange")
public record ExchangeConfig(
    List<String> purposeCodes, int defaultDurationDays, int maxDurationDays) {}
