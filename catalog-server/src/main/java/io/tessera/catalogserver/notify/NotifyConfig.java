package io.tessera.catalogserver.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of subscriptions and notifications ({@code tessera.notify.*}).
 *
 * @param enabled whether the dispatcher and the deliverer run
 * @param allowPrivateTargets whether webhooks may point at loopback, link-local or private
 *     addresses (tests, a receiver on the same host); off by default
 * @param pollInterval how often the dispatcher and deliverer look for work when nothing woke them
 * @param backoffBase the delay before the second attempt; each further attempt doubles it
 * @param backoffMax the longest delay between two attempts
 * @param maxAttempts attempts after which a delivery is dead-lettered
 * @param maxAge age after which a delivery that still fails is dead-lettered
 * @param timeout how long one attempt may take (connect and answer)
 * @param gapWait how long the dispatcher waits at a hole in the feed's positions (a transaction
 *     that took its position but has not committed yet) before passing it as rolled back
 * @param batchSize events read, or deliveries sent, per round
 * @param keepDeliveries how long finished deliveries (delivered, dead, skipped) are kept
 */
@ConfigurationProperties("tessera.notify")
public record NotifyConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "false") boolean allowPrivateTargets,
    @Bindable(defaultValue = "1s") Duration pollInterval,
    @Bindable(defaultValue = "10s") Duration backoffBase,
    @Bindable(defaultValue = "1h") Duration backoffMax,
    @Bindable(defaultValue = "10") int maxAttempts,
    @Bindable(defaultValue = "24h") Duration maxAge,
    @Bindable(defaultValue = "10s") Duration timeout,
    @Bindable(defaultValue = "5s") Duration gapWait,
    @Bindable(defaultValue = "100") int batchSize,
    @Bindable(defaultValue = "30d") Duration keepDeliveries) {}
