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
 * @param channel what wrote it: {@code api} (REST, GraphQL, MCP, the UI and the CLI) or {@code git}
 *     (the Git sync); null for revisions recorded before channels were
 * @param commit the Git commit its documents were read from (a client's {@code Tessera-Commit}
 *     header, or the commit the Git sync applied); null when none was named
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
    Instant appliedAt,
    String channel,
    String commit) {}
