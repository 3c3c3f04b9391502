/**
 * The append-only audit log: {@link io.tessera.catalogserver.audit.AuditLog} records every write,
 * every denial (401/403), token creation and revocation, and answers the auditors' queries.
 */
package io.tessera.catalogserver.audit;
