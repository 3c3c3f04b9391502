package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.persistence.ApiToken;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.security.TokenService;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/agents} (admin): who used the MCP server and which products each used,
 * from the audit log's {@code mcp-call} rows, with whether the caller's tokens are marked as an
 * agent's and whom the agent acts for. An agent is a consumer like any other.
 */
@Tag(name = "Admin", description = "Administration: MCP agents, Git sync, lineage rebuild (admin)")
@Controller("/api/v1/admin/agents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AgentController {
  /** The audit action of an MCP tool call or resource read. */
  public static final String MCP_CALL = "mcp-call";

  private static final int MAX_ROWS = 10_000;

  private final AuditLog audit;
  private final TokenService tokens;
  private final WriteAuthorization authorization;

  public AgentController(AuditLog audit, TokenService tokens, WriteAuthorization authorization) {
    this.audit = audit;
    this.tokens = tokens;
    this.authorization = authorization;
  }

  /** A product an MCP caller used: how many calls named it, and when last. */
  @Serdeable
  public record ProductUse(String product, long calls, Instant lastCall) {}

  /**
   * One MCP caller.
   *
   * @param agent whether any of the subject's tokens is marked as an agent's
   * @param onBehalfOf whom the newest such token says the agent acts for
   * @param calls every tool call and resource read recorded
   * @param refused the calls that were not answered: not found, denied, invalid, rate-limited
   * @param products the products its answered calls named
   */
  @Serdeable
  public record AgentUse(
      String subject,
      boolean agent,
      @Nullable String onBehalfOf,
      long calls,
      long refused,
      Instant lastCall,
      List<ProductUse> products) {}

  /** Every MCP caller with the products it used, by subject. */
  @Get
  public List<AgentUse> list(Principal principal) {
    authorization.requireAdmin(principal);
    Map<String, List<AuditLog.Usage>> bySubject = new LinkedHashMap<>();
    for (AuditLog.Usage u : audit.usage(MCP_CALL, MAX_ROWS)) {
      bySubject.computeIfAbsent(u.subject(), k -> new ArrayList<>()).add(u);
    }
    List<AgentUse> out = new ArrayList<>();
    bySubject.forEach(
        (subject, uses) -> {
          List<ApiToken> agentTokens =
              tokens.list(principal, subject).stream().filter(ApiToken::agent).toList();
          long calls = uses.stream().mapToLong(AuditLog.Usage::count).sum();
          Instant last =
              uses.stream().map(AuditLog.Usage::last).max(Instant::compareTo).orElse(null);
          long refused =
              uses.stream()
                  .filter(u -> !"ok".equals(u.outcome()))
                  .mapToLong(AuditLog.Usage::count)
                  .sum();
          List<ProductUse> products =
              uses.stream()
                  .filter(u -> u.entity() != null && "ok".equals(u.outcome()))
                  .map(u -> new ProductUse(u.entity(), u.count(), u.last()))
                  .toList();
          out.add(
              new AgentUse(
                  subject,
                  !agentTokens.isEmpty(),
                  agentTokens.isEmpty() ? null : agentTokens.getFirst().onBehalfOf(),
                  calls,
                  refused,
                  last,
                  products));
        });
    return out;
  }
}
