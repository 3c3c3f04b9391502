package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import io.tessera.catalogserver.metrics.CatchUpReadiness;
import io.tessera.governance.Role;
import java.security.Principal;
import java.util.Arrays;
import org.reactivestreams.Publisher;

/**
 * {@code /health}, open to everyone: the status for anyone, the indicators' details (database, disk
 * space) for admins only. It answers as soon as the server can serve: the catch-up readiness
 * ({@link CatchUpReadiness}) is only in {@code /health/readiness}.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class AdminHealthEndpoint extends HealthEndpoint {
  private final HealthAggregator<HealthResult> aggregator;
  private final HealthIndicator[] serving;

  public AdminHealthEndpoint(
      HealthAggregator<HealthResult> healthAggregator,
      HealthIndicator[] healthIndicators,
      @Liveness HealthIndicator[] livenessHealthIndicators) {
    super(healthAggregator, healthIndicators, livenessHealthIndicators);
    this.aggregator = healthAggregator;
    this.serving =
        Arrays.stream(healthIndicators)
            .filter(i -> !(i instanceof CatchUpReadiness))
            .toArray(HealthIndicator[]::new);
  }

  /** {@code /health}: every indicator but the catch-up readiness. */
  @Override
  @Read
  public Publisher<HealthResult> getHealth(@Nullable Principal principal) {
    return aggregator.aggregate(serving, levelOfDetail(principal));
  }

  @Override
  protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
    return principal instanceof Authentication caller
            && caller.getRoles().contains(Role.ADMIN.slug())
        ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS
        : HealthLevelOfDetail.STATUS;
  }
}
