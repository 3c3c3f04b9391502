package io.tessera.catalogserver.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.tessera.governance.AccessScope;
import io.tessera.governance.Principal;

/**
 * Who is calling an MCP tool: the principal Micronaut Security authenticated for the HTTP request,
 * its access scope, and what its API token says about it. It travels from {@link McpController} to
 * the tools in the SDK's {@link McpTransportContext}, never in a static or thread-local.
 *
 * @param rateKey what the rate limit counts by: the API token's id, or the JWT's subject
 * @param agent whether the token belongs to an AI agent
 * @param onBehalfOf the human or team the agent acts for, or null
 */
public record McpCaller(
    Principal principal, AccessScope scope, String rateKey, boolean agent, String onBehalfOf) {

  /** The key of the caller in the transport context. */
  static final String KEY = "tessera.mcp.caller";

  /** The caller the transport context carries. */
  static McpCaller of(McpTransportContext context) {
    if (context != null && context.get(KEY) instanceof McpCaller caller) {
      return caller;
    }
    throw new IllegalStateException("an MCP call arrived without its caller");
  }

  /** The transport context carrying this caller. */
  McpTransportContext context() {
    return McpTransportContext.create(java.util.Map.of(KEY, this));
  }

  /** Who to name in the audit log: the subject, and for an agent whom it acts for. */
  String auditDetail() {
    return agent
        ? "agent" + (onBehalfOf == null ? "" : " on behalf of " + onBehalfOf)
        : "principal";
  }
}
