package io.tessera.catalogserver.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.catalogserver.persistence.Revision;
import java.time.Instant;

/**
 * One revision as the API shows it: the descriptor and the changes as JSON, not strings; the
 * channel that wrote it ({@code api}, {@code git}) and the Git commit its documents came from, when
 * known (both left out when null).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionView(
    int revision,
    String action,
    String actor,
    Instant appliedAt,
    String contentHash,
    Object descriptor,
    Object changes,
    String channel,
    String commit) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static RevisionView of(Revision r) {
    return new RevisionView(
        r.revision(),
        r.action(),
        r.actor(),
        r.appliedAt(),
        r.contentHash(),
        parse(r.descriptor()),
        parse(r.changes()),
        r.channel(),
        r.commit());
  }

  /** The revision without its descriptor and changes, for a caller who may not read the entity. */
  static RevisionView outline(Revision r) {
    return new RevisionView(
        r.revision(),
        r.action(),
        r.actor(),
        r.appliedAt(),
        r.contentHash(),
        null,
        null,
        r.channel(),
        r.commit());
  }

  private static Object parse(String json) {
    try {
      return json == null ? null : JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored revision is not JSON", e);
    }
  }
}
