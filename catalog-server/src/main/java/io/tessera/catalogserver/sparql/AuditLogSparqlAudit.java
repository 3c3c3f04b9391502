package io.tessera.catalogserver.sparql;

import io.micronaut.context.annotation.Secondary;
import io.tessera.catalogserver.persistence.AuditLog;
import io.tessera.governance.Principal;
import jakarta.inject.Singleton;

/** The default {@link SparqlAudit}: one audit-log row per admin query, with the query text. */
@Singleton
@Secondary
public class AuditLogSparqlAudit implements SparqlAudit {
  private final AuditLog audit;

  public AuditLogSparqlAudit(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void adminQuery(Principal principal, String query) {
    audit.record(principal.subject(), "sparql", null, "ok", query);
  }
}
