package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.security.authentication.Authentication;
import io.tessera.governance.Role;
import java.security.Principal;

/**
 * {@code /health}, open to everyone: the status for anyone, the indicators' details (database, disk
 * space) for admins only.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = HealthEndpoint.DEFAULT_SENSITIVE)
@Replaces(HealthEndpoint.class)
public class AdminHealthEndpoint extends HealthEndpoint {
  public AdminHealthEndpoint(
      HealthAggregator<HealthResult> healthAggregator,
      HealthIndicator[] healthIndicators,
      @Liveness HealthIndicator[] livenessHealthIndicators) {
    super(healthAggregator, healthIndicators, livenessHealthIndicators);
  }

  @Override
  protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
    return principal instanceof Authentication caller
            && caller.getRoles().contains(Role.ADMIN.slug())
        ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS
        : HealthLevelOfDetail.STATUS;
  }
}
