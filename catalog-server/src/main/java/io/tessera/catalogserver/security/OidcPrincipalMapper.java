package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Who signed in with the identity provider: the ID token's claims (verified by Micronaut Security:
 * signature, issuer, audience, nonce) mapped to a principal by {@link JwtPrincipalFactory}, exactly
 * as a bearer JWT's are, and carried into the session by {@link SignInSessions}. A sign-in is
 * audited with what the claims granted; ID tokens without the subject claim are refused.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
@Requires(property = "tessera.oidc.enabled", value = "true")
public class OidcPrincipalMapper implements OpenIdAuthenticationMapper {
  private final JwtPrincipalFactory claims;
  private final SignInSessions sessions;
  private final SecurityConfig config;
  private final AuditLog audit;

  private final Scheduler blocking;

  public OidcPrincipalMapper(
      JwtPrincipalFactory claims,
      SignInSessions sessions,
      SecurityConfig config,
      AuditLog audit,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
    this.claims = claims;
    this.sessions = sessions;
    this.config = config;
    this.audit = audit;
    this.blocking = Schedulers.fromExecutorService(executor);
  }

  @Override
  public Publisher<AuthenticationResponse> createAuthenticationResponse(
      String providerName,
      OpenIdTokenResponse tokenResponse,
      OpenIdClaims openIdClaims,
      @Nullable State state) {
    // the audit writes to the database: off the event loop
    return Mono.fromCallable(() -> respond(providerName, tokenResponse, openIdClaims))
        .subscribeOn(blocking);
  }

  private AuthenticationResponse respond(
      String provider, OpenIdTokenResponse tokenResponse, OpenIdClaims openIdClaims) {
    Optional<Principal> principal = claims.principal(openIdClaims.getClaims());
    if (principal.isEmpty()) {
      String reason = "the ID token has no " + config.jwtSubjectClaim() + " claim";
      audit.record("unknown", "sign-in", "oidc", "unauthenticated", reason);
      return AuthenticationResponse.failure(reason);
    }
    Principal who = principal.get();
    audit.record(
        who.subject(),
        "sign-in",
        "oidc",
        "signed-in",
        "roles "
            + who.roles().stream()
                .map(Role::slug)
                .sorted()
                .collect(Collectors.joining(",", "[", "]"))
            + (who.domains().isEmpty() ? "" : ", domains " + who.domains())
            + (who.attributes().isEmpty() ? "" : ", attributes " + who.attributes()));
    Authentication session = sessions.authentication(who, provider, tokenResponse.getIdToken());
    return AuthenticationResponse.success(
        session.getName(), session.getRoles(), session.getAttributes());
  }
}
