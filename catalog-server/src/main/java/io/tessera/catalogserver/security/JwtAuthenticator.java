package io.tessera.catalogserver.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.tessera.governance.Principal;
import io.tessera.governance.Role;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies JWT bearer tokens from an identity provider (HS256 with a shared secret, or RS/ES keys
 * from a JWKS URL) and maps their claims to a {@link Principal}: subject, roles, domains and
 * attributes, each from a configurable claim.
 */
@Singleton
public class JwtAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(JwtAuthenticator.class);

  private final SecurityConfig config;
  private final ConfigurableJWTProcessor<SecurityContext> processor;

  public JwtAuthenticator(SecurityConfig config) {
    this.config = config;
    this.processor = config.jwtEnabled() ? processor(config) : null;
  }

  /** Whether JWTs are accepted at all. */
  public boolean enabled() {
    return processor != null;
  }

  /** The principal a JWT authenticates. */
  public Principal authenticate(String jwt) {
    if (processor == null) {
      throw new AuthenticationException("JWT bearer tokens are not accepted by this server");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (ParseException | BadJOSEException e) {
      throw new AuthenticationException("the JWT is not valid: " + e.getMessage());
    } catch (com.nimbusds.jose.JOSEException e) {
      LOG.warn("could not verify a JWT: {}", e.getMessage());
      throw new AuthenticationException("the JWT could not be verified");
    }
    Object subject = claims.getClaim(config.jwtSubjectClaim());
    if (!(subject instanceof String s) || s.isBlank()) {
      throw new AuthenticationException("the JWT has no " + config.jwtSubjectClaim() + " claim");
    }
    Set<Role> roles = new HashSet<>();
    for (String slug : values(claims.getClaim(config.jwtRolesClaim()))) {
      Role.fromSlug(slug).ifPresent(roles::add);
    }
    Map<String, Set<String>> attributes = new LinkedHashMap<>();
    for (String name : config.jwtAttributeClaims()) {
      Set<String> v = values(claims.getClaim(name.strip()));
      if (!v.isEmpty()) {
        attributes.put(name.strip(), v);
      }
    }
    return new Principal(s, roles, values(claims.getClaim(config.jwtDomainsClaim())), attributes);
  }

  /** A claim as a set of strings: an array, or a space- or comma-separated string. */
  private static Set<String> values(Object claim) {
    Set<String> out = new LinkedHashSet<>();
    if (claim instanceof String s) {
      for (String part : s.split("[,\\s]+")) {
        if (!part.isBlank()) {
          out.add(part);
        }
      }
    } else if (claim instanceof Collection<?> list) {
      for (Object o : list) {
        if (o != null && !o.toString().isBlank()) {
          out.add(o.toString());
        }
      }
    }
    return out;
  }

  private static ConfigurableJWTProcessor<SecurityContext> processor(SecurityConfig config) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    boolean secret = config.jwtSecret() != null && !config.jwtSecret().isBlank();
    JWKSource<SecurityContext> keys;
    Set<JWSAlgorithm> algorithms;
    if (secret) {
      byte[] bytes = config.jwtSecret().getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 32) {
        throw new IllegalStateException(
            "tessera.security.jwt-secret must be at least 32 bytes for HS256");
      }
      keys = new ImmutableSecret<>(bytes);
      algorithms = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
    } else {
      try {
        keys = JWKSourceBuilder.create(URI.create(config.jwtJwksUrl()).toURL()).build();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalStateException("tessera.security.jwt-jwks-url is not a URL", e);
      }
      algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
      algorithms.addAll(JWSAlgorithm.Family.EC);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    JWTClaimsSet exact =
        config.jwtIssuer() == null || config.jwtIssuer().isBlank()
            ? new JWTClaimsSet.Builder().build()
            : new JWTClaimsSet.Builder().issuer(config.jwtIssuer()).build();
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(exact, Set.of(config.jwtSubjectClaim(), "exp")));
    return processor;
  }
}
