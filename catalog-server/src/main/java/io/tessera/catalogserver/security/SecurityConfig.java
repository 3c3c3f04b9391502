package io.tessera.catalogserver.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Authentication settings ({@code tessera.security.*}).
 *
 * @param adminToken an admin API token accepted from the first start ({@code TESSERA_ADMIN_TOKEN});
 *     when blank, one is generated on the first start and logged once
 * @param anonymousRead whether callers without credentials may read unrestricted metadata: {@code
 *     true}, {@code false}, or blank to follow {@code tessera.demo} (on in the demo)
 * @param jwtSecret the shared secret of HS256-signed JWTs (at least 32 bytes), or blank
 * @param jwtJwksUrl the JWKS URL of an identity provider whose RS/ES-signed JWTs are accepted, or
 *     blank
 * @param jwtIssuer the issuer ({@code iss}) JWTs must carry, or blank for any
 * @param jwtSubjectClaim the claim naming the principal
 * @param jwtRolesClaim the claim listing roles ({@code admin}, {@code domain-owner}, {@code
 *     producer}, {@code consumer})
 * @param jwtDomainsClaim the claim listing the principal's domains
 * @param jwtAttributeClaims the claims copied into the principal's attributes
 */
@ConfigurationProperties("tessera.security")
public record SecurityConfig(
    @Nullable String adminToken,
    @Nullable String anonymousRead,
    @Nullable String jwtSecret,
    @Nullable String jwtJwksUrl,
    @Nullable String jwtIssuer,
    @Bindable(defaultValue = "sub") String jwtSubjectClaim,
    @Bindable(defaultValue = "roles") String jwtRolesClaim,
    @Bindable(defaultValue = "domains") String jwtDomainsClaim,
    @Bindable(defaultValue = "region,purposes,clearances") List<String> jwtAttributeClaims) {

  /** Whether an admin token is configured. */
  public boolean hasAdminToken() {
    return adminToken != null && !adminToken.isBlank();
  }

  /** Whether anonymous reads are on, given whether the demo is. */
  public boolean anonymousReads(boolean demo) {
    return anonymousRead == null || anonymousRead.isBlank()
        ? demo
        : Boolean.parseBoolean(anonymousRead.strip());
  }

  /** Whether JWTs are accepted. */
  public boolean jwtEnabled() {
    return (jwtSecret != null && !jwtSecret.isBlank())
        || (jwtJwksUrl != null && !jwtJwksUrl.isBlank());
  }
}
