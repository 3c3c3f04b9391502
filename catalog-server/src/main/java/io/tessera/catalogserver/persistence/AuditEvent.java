package io.tessera.catalogserver.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One row of the append-only audit log.
 *
 * @param subject who acted ({@code anonymous} when unauthenticated)
 * @param action what was attempted: {@code apply}, {@code retire}, {@code delete}, {@code lineage},
 *     {@code token-create}, {@code token-revoke}, {@code authenticate}, {@code authorize}, {@code
 *     sparql}…
 * @param entity the IRI or id of what was acted on, or null
 * @param outcome {@code ok}, {@code created}, {@code updated}, {@code unauthenticated} (401) or
 *     {@code denied} (403)…
 * @param beforeRevision the entity's revision before a write, or null
 * @param afterRevision the entity's revision after a write, or null
 * @param detail a short explanation (never a secret)
 */
@Serdeable
public record AuditEvent(
    long id,
    Instant occurredAt,
    String subject,
    String action,
    @Nullable String entity,
    String outcome,
    @Nullable Integer beforeRevision,
    @Nullable Integer afterRevision,
    @Nullable String detail) {}
