package io.tessera.catalogserver.sparql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the SPARQL endpoint ({@code tessera.sparql.*}); the query timeout is {@code
 * tessera.query-timeout}, shared with every query the server runs.
 *
 * @param maxResults the most solutions (SELECT) or triples (CONSTRUCT, DESCRIBE) one answer
 *     carries; a longer answer is cut there and says so in the {@code Tessera-Results-Truncated}
 *     header
 */
@ConfigurationProperties("tessera.sparql")
public record SparqlConfig(@Bindable(defaultValue = "10000") int maxResults) {}
