package io.tessera.catalogserver.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of the GraphQL endpoint ({@code tessera.graphql.*}).
 *
 * @param maxDepth the deepest selection a query may make
 * @param maxComplexity the highest complexity a query may have: each field counts one, and the
 *     fields under a connection count once per requested item ({@code first}/{@code last}, or
 *     {@link #assumedListSize} when neither is given)
 * @param timeout how long one query may run before its remaining fields fail with {@code
 *     query-timeout}
 * @param defaultPageSize items per connection page when a query gives neither first nor last
 * @param maxPageSize the largest first or last a query may ask for
 * @param assumedListSize how many items a connection asked for without first or last counts as in
 *     the complexity (most such lists, ports and schema fields, are short)
 * @param documentCacheSize how many parsed and validated query documents are kept by query text (0
 *     turns the cache off)
 * @param productCacheSize how many data products are kept in memory between requests, each until
 *     the next change of that product (0 turns the cache off)
 */
@ConfigurationProperties("tessera.graphql")
public record GraphQLConfig(
    @Bindable(defaultValue = "20") int maxDepth,
    @Bindable(defaultValue = "100000") int maxComplexity,
    @Bindable(defaultValue = "30s") Duration timeout,
    @Bindable(defaultValue = "50") int defaultPageSize,
    @Bindable(defaultValue = "500") int maxPageSize,
    @Bindable(defaultValue = "10") int assumedListSize,
    @Bindable(defaultValue = "1000") int documentCacheSize,
    @Bindable(defaultValue = "10000") int productCacheSize) {}
