package io.tessera.catalogserver.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Marquez's read API as Marquez's Java client up to 0.4 parses it. Those clients (the last release
 * Maven Central serves here is 0.4.3-rc.1) reject any field they do not know, so today's fields
 * ({@code totalCount}, {@code facets}, {@code isHidden}, {@code simpleName}...) would break them,
 * as they break them against today's Marquez; their requests, recognised by their {@code
 * User-Agent} ({@code marquez-java/0.1} to {@code 0.4}), get the fields of Marquez 0.4 only.
 */
@Singleton
public class MarquezLegacyShape {
  private static final Pattern LEGACY_CLIENT = Pattern.compile("^marquez-java/0\\.[0-4](\\.|-|$)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NAMESPACE =
      Set.of("name", "createdAt", "updatedAt", "ownerName", "description");
  private static final Set<String> JOB =
      Set.of(
          "id",
          "type",
          "name",
          "createdAt",
          "updatedAt",
          "namespace",
          "inputs",
          "outputs",
          "location",
          "context",
          "description",
          "latestRun");
  private static final Set<String> RUN =
      Set.of(
          "id",
          "createdAt",
          "updatedAt",
          "nominalStartTime",
          "nominalEndTime",
          "state",
          "startedAt",
          "endedAt",
          "durationMs",
          "args");
  private static final Set<String> DATASET =
      Set.of(
          "id",
          "type",
          "name",
          "physicalName",
          "createdAt",
          "updatedAt",
          "namespace",
          "sourceName",
          "fields",
          "tags",
          "lastModifiedAt",
          "description");
  private static final Set<String> FIELD = Set.of("name", "type", "tags", "description");

  private final JsonMapper mapper;

  public MarquezLegacyShape(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** Whether the request comes from a Marquez Java client that rejects unknown fields. */
  public static boolean legacy(String userAgent) {
    return userAgent != null && LEGACY_CLIENT.matcher(userAgent).find();
  }

  /** An answer of {@link MarquezController} with only the fields Marquez 0.4 wrote. */
  public String of(Object view) {
    JsonNode tree;
    try {
      tree = JSON.readTree(mapper.writeValueAsBytes(view));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode root = (ObjectNode) tree;
    switch (view) {
      case MarquezView.Namespaces n -> list(root, "namespaces", NAMESPACE);
      case MarquezView.Jobs j -> list(root, "jobs", JOB);
      case MarquezView.Datasets d -> list(root, "datasets", DATASET);
      case MarquezView.Runs r -> list(root, "runs", RUN);
      case MarquezView.Namespace n -> keep(root, NAMESPACE);
      case MarquezView.Job j -> keep(root, JOB);
      case MarquezView.Dataset d -> keep(root, DATASET);
      case MarquezView.Run r -> keep(root, RUN);
      default -> throw new IllegalArgumentException("not a Marquez view: " + view.getClass());
    }
    return root.toString();
  }

  private static void list(ObjectNode root, String key, Set<String> fields) {
    root.retain(key);
    root.path(key).forEach(item -> keep((ObjectNode) item, fields));
  }

  private static void keep(ObjectNode node, Set<String> fields) {
    node.retain(fields);
    if (fields == JOB && node.path("latestRun").isObject()) {
      keep((ObjectNode) node.path("latestRun"), RUN);
    }
    if (fields == DATASET && node.path("fields") instanceof ArrayNode columns) {
      columns.forEach(c -> keep((ObjectNode) c, FIELD));
    }
  }
}
