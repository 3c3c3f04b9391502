package io.tessera.catalogserver.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.catalogserver.persistence.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A descriptor {@code Revision} as GraphQL shows it. */
record RevisionNode(
    int revision,
    String action,
    String actor,
    Instant appliedAt,
    String contentHash,
    String descriptor,
    List<ChangeNode> changes,
    String channel,
    String commit) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One change: path, op, and the values before and after as JSON text. */
  record ChangeNode(String path, String op, String before, String after) {
    static ChangeNode of(String path, String op, Object before, Object after) {
      return new ChangeNode(path, op, json(before), json(after));
    }

    private static String json(Object value) {
      if (value == null || (value instanceof JsonNode n && n.isNull())) {
        return null;
      }
      try {
        return JSON.writeValueAsString(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The revision without its descriptor and changes, for a caller who may not read the entity. */
  static RevisionNode outline(Revision r) {
    return new RevisionNode(
        r.revision(),
        r.action(),
        r.actor(),
        r.appliedAt(),
        r.contentHash(),
        null,
        List.of(),
        r.channel(),
        r.commit());
  }

  static RevisionNode of(Revision r) {
    List<ChangeNode> changes = new ArrayList<>();
    if (r.changes() != null && !r.changes().isBlank()) {
      try {
        for (JsonNode c : JSON.readTree(r.changes())) {
          changes.add(
              ChangeNode.of(
                  c.path("path").asText(), c.path("op").asText(), c.get("before"), c.get("after")));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RevisionNode(
        r.revision(),
        r.action(),
        r.actor(),
        r.appliedAt(),
        r.contentHash(),
        r.descriptor(),
        changes,
        r.channel(),
        r.commit());
  }
}
