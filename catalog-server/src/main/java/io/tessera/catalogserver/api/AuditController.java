package io.tessera.catalogserver.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tessera.catalogserver.persistence.AuditEvent;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.catalogserver.problem.ProblemException;
import io.tessera.catalogserver.problem.ProblemType;
import io.tessera.governance.Principal;
import io.tessera.governance.WriteAuthorization;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code GET /api/v1/audit}: the audit log for auditors (admin). */
@Tag(name = "Audit", description = "The audit log (admin)")
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {
  private final AuditLog audit;
  private final WriteAuthorization authorization;

  public AuditController(AuditLog audit, WriteAuthorization authorization) {
    this.audit = audit;
    this.authorization = authorization;
  }

  /** One page of audit events, in the order asked for. */
  @Serdeable
  public record AuditPage(List<AuditEvent> items, @Nullable String nextCursor) {}

  /**
   * Audit events matching every given filter.
   *
   * @param from only events at or after this instant
   * @param to only events before this instant
   * @param cursor the {@code nextCursor} of the previous page
   * @param order {@code oldest} (the default: oldest first) or {@code newest} (newest first)
   */
  @Get
  public AuditPage list(
      @Nullable @QueryValue String subject,
      @Nullable @QueryValue String entity,
      @Nullable @QueryValue String action,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String cursor,
      @Nullable @QueryValue String order,
      @QueryValue(defaultValue = "100") int limit,
      Principal principal) {
    authorization.requireAdmin(principal);
    if (limit < 1 || limit > 1000) {
      throw new ProblemException(ProblemType.INVALID_REQUEST, "limit must be between 1 and 1000");
    }
    boolean newestFirst = "newest".equals(order);
    if (order != null && !newestFirst && !"oldest".equals(order)) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "order must be newest or oldest, not '" + order + "'");
    }
    long after;
    try {
      after = cursor == null || cursor.isBlank() ? 0 : Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST, "cursor is not one this server issued");
    }
    List<AuditEvent> events =
        audit.find(
            new AuditLog.Query(
                subject,
                entity,
                action,
                instant(from, "from"),
                instant(to, "to"),
                after,
                newestFirst,
                limit + 1));
    List<AuditEvent> page = events.stream().limit(limit).toList();
    String next = events.size() > limit ? Long.toString(page.get(limit - 1).id()) : null;
    return new AuditPage(page, next);
  }

  private static Instant instant(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
    }
  }
}
