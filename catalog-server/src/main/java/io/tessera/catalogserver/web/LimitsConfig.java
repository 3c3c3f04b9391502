package io.tessera.catalogserver.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * Limits on what one request may send and make the server do ({@code tessera.limits.*}). The global
 * {@code micronaut.server.max-request-size} stays the upper bound of every body.
 *
 * @param descriptorsMaxBody the largest body of {@code POST /api/v1/descriptors}, also the most
 *     characters its YAML or JSON may hold
 * @param descriptorsTimeout how long reading, validating and planning one descriptor request may
 *     take before it is refused (nothing is written)
 * @param descriptorsMaxDepth how deeply a descriptor's mappings and lists may nest
 * @param descriptorsMaxAliases how many YAML aliases of collections a descriptor body may use
 * @param lineageMaxBody the largest body of {@code POST /api/v1/lineage}
 * @param graphqlMaxBody the largest body of {@code POST /graphql}
 * @param graphqlMaxVariablesDepth how deeply the JSON of a GraphQL request's variables may nest
 * @param sparqlMaxBody the largest body of {@code POST /sparql}
 * @param exportTimeout how long one {@code GET /api/v1/export} may stream
 * @param exportMaxSize how many bytes one export may stream
 */
@ConfigurationProperties("tessera.limits")
public record LimitsConfig(
    @Bindable(defaultValue = "2MB") @ReadableBytes long descriptorsMaxBody,
    @Bindable(defaultValue = "10s") Duration descriptorsTimeout,
    @Bindable(defaultValue = "64") int descriptorsMaxDepth,
    @Bindable(defaultValue = "50") int descriptorsMaxAliases,
    @Bindable(defaultValue = "10MB") @ReadableBytes long lineageMaxBody,
    @Bindable(defaultValue = "2MB") @ReadableBytes long graphqlMaxBody,
    @Bindable(defaultValue = "100") int graphqlMaxVariablesDepth,
    @Bindable(defaultValue = "1MB") @ReadableBytes long sparqlMaxBody,
    @Bindable(defaultValue = "60s") Duration exportTimeout,
    @Bindable(defaultValue = "512MB") @ReadableBytes long exportMaxSize) {

  /** The body limit of a POST to this path, or -1 when only the global limit applies. */
  public long maxBody(String path) {
    return switch (path) {
      case "/api/v1/descriptors", "/api/v1/descriptors/impact" -> descriptorsMaxBody;
      case "/api/v1/lineage" -> lineageMaxBody;
      case "/graphql" -> graphqlMaxBody;
      case "/sparql" -> sparqlMaxBody;
      default -> -1;
    };
  }
}
