package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import io.tessera.governance.Role;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * The sensitive management endpoints ({@code /routes}, {@code /beans}, {@code /liquibase}, … all
 * but {@code /health}, see {@code endpoints.*} in application.yml) answer admins only: 401 without
 * credentials, 403 for any other principal.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class AdminEndpointRule extends SensitiveEndpointRule {
  public AdminEndpointRule(EndpointSensitivityProcessor endpointSensitivityProcessor) {
    super(endpointSensitivityProcessor);
  }

  @Override
  protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(
      HttpRequest<?> request, Authentication authentication, ExecutableMethod<?, ?> method) {
    return Publishers.just(
        authentication.getRoles().contains(Role.ADMIN.slug())
            ? SecurityRuleResult.ALLOWED
            : SecurityRuleResult.REJECTED);
  }
}
