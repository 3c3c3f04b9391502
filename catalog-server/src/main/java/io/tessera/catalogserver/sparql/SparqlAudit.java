package io.tessera.catalogserver.sparql;

import io.tessera.governance.Principal;

/**
 * Where the SPARQL endpoint reports the queries of platform admins, which run over the whole store.
 * The endpoint calls it once per admin query, before running it; {@link AuditLogSparqlAudit} writes
 * each to the audit log.
 */
public interface SparqlAudit {

  /**
   * Records that an admin ran a query over the unfiltered store.
   *
   * @param principal the admin
   * @param query the query text as sent
   */
  void adminQuery(Principal principal, String query);
}
