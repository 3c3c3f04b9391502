package io.tessera.catalogserver.metrics;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.security.authentication.Authentication;
import io.tessera.catalogserver.apply.ApplyService;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Test scope ({@code tessera.test.readiness-at-start}): when the server has started, applies one
 * more product through the real apply path (a commit the search index has yet to make searchable,
 * as a write arriving during start-up would be), lets {@link CatchUpReadiness} record its marks,
 * and keeps what readiness says right then, before the index can have caught up.
 */
@Singleton
@Order(Integer.MIN_VALUE)
@Requires(property = "tessera.test.readiness-at-start", value = "true")
class ReadinessAtStart implements ApplicationEventListener<ServerStartupEvent> {
  private static final Principal ADMIN =
      new Principal("test", Set.of(Role.ADMIN), Set.of(), Map.of());

  private final CatchUpReadiness readiness;
  private final ApplyService apply;
  private final HealthEndpoint health;
  private volatile CatchUpReadiness.Check atStart;
  private volatile HealthResult healthAtStart;

  ReadinessAtStart(CatchUpReadiness readiness, ApplyService apply, HealthEndpoint health) {
    this.readiness = readiness;
    this.apply = apply;
    this.health = health;
  }

  @Override
  public void onApplicationEvent(ServerStartupEvent event) {
    String product =
        """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: sales, name: late-arrivals}
        spec:
          title: Late Arrivals
          owner: "mailto:sales@example.com"
        """;
    apply.apply(
        new ApplyService.Request(
            product.getBytes(StandardCharsets.UTF_8), false, false, null, ADMIN));
    readiness.markStart();
    atStart = readiness.check();
    healthAtStart =
        Mono.from(health.getHealth(Authentication.build("test", List.of(Role.ADMIN.slug()))))
            .block();
  }

  /** What {@code /health} said (with an admin's details) at that moment. */
  HealthResult healthAtStart() {
    return healthAtStart;
  }

  CatchUpReadiness.Check atStart() {
    return atStart;
  }
}
