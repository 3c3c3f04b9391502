package io.tessera.catalogserver.mcp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The MCP server's limits ({@code tessera.mcp.*}).
 *
 * @param rateLimit tool calls and resource reads per minute per API token (or JWT subject); past it
 *     a call is refused with a JSON-RPC error until the bucket refills
 * @param timeout the longest one call may take before it is answered with an error
 * @param maxResults the most hits, rows or nodes one call returns
 * @param maxArgumentBytes the largest arguments of one call (a descriptor to validate included)
 */
@ConfigurationProperties("tessera.mcp")
public record McpConfig(
    @Bindable(defaultValue = "120") int rateLimit,
    @Bindable(defaultValue = "30s") Duration timeout,
    @Bindable(defaultValue = "200") int maxResults,
    @Bindable(defaultValue = "262144") int maxArgumentBytes) {}
