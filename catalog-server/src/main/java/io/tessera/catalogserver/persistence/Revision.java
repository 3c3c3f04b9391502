package io.tessera.catalogserver.persistence;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One applied revision of a domain, a data product or a policy.
 *
 * @param action created, updated, retired or deleted
 * @param contentHash SHA-256 of the canonical descriptor (null for a deletion)
 * @param descriptor the canonical descriptor as JSON (null for a deletion)
 * @param changes what changed against the previous revision, as a JSON array of {@code {path, op,
 *     before, after}}
 */
@Serdeable
public record Revision(
    String entityIri,
    String kind,
    String domain,
    String name,
    int revision,
    String action,
    String contentHash,
    String descriptor,
    String changes,
    String actor,
    Instant appliedAt) {}
