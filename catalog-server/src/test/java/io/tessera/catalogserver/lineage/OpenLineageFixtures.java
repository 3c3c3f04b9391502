package io.tessera.catalogserver.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.ontology.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the public OpenLineage corpus ({@code fixtures/openlineage} of {@link SharedCorpus}, beside
 * the repository) in place, and turns its templates and partial files into concrete events: Jinja
 * ({@code {{ any(result) }}}) and JsonUnit ({@code ${json-unit.any-string}}, {@code
 * ${json-unit.regex}...}) matchers are replaced by realistic values, and the required top-level
 * fields an expected-subset file leaves out ({@code eventTime}, {@code producer}, {@code
 * run.runId}) are filled in.
 */
final class OpenLineageFixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The time given to templated or missing times. */
  static final String FILLED_TIME = "2026-01-15T10:00:00Z";

  /** The producer given to templates that leave it out. */
  static final String FILLED_PRODUCER =
      "https://github.com/OpenLineage/OpenLineage/tree/1.26.0/integration";

  /** The run id given to a templated run id that no job names (e.g. inside a custom facet). */
  static final String FIXED_RUN_ID = "3f1b6c3e-8a4d-4c2b-9e7f-5d6a7b8c9d0e";

  private static final Pattern PLACEHOLDER =
      Pattern.compile("^(\\{\\{.*}}|\\$\\{json-unit\\..*)$", Pattern.DOTALL);

  private OpenLineageFixtures() {}

  /**
   * The corpus directory; fails when the corpus is absent. Tests that read the corpus carry {@link
   * io.tessera.ontology.RequiresSharedCorpus}; {@link #resource} needs no corpus.
   */
  static Path directory() {
    return SharedCorpus.resolve("fixtures/openlineage");
  }

  /** The {@code *.json} files under a sub-directory (recursively), as corpus-relative paths. */
  static List<String> jsonFiles(String subdirectory) {
    Path root = directory();
    try (Stream<Path> files = Files.walk(root.resolve(subdirectory))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A corpus file as text. */
  static String text(String relativePath) {
    try {
      return Files.readString(directory().resolve(relativePath), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The events of a corpus file as they are: one for an object, each element for an array. */
  static List<ObjectNode> events(String relativePath) {
    try {
      JsonNode root = JSON.readTree(text(relativePath));
      List<ObjectNode> events = new ArrayList<>();
      if (root.isArray()) {
        root.forEach(element -> events.add((ObjectNode) element));
      } else {
        events.add((ObjectNode) root);
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A hand-made event under {@code src/test/resources/lineage/}, e.g. {@code valid-run-event.json}.
   */
  static ObjectNode resource(String name) {
    try (InputStream in = OpenLineageFixtures.class.getResourceAsStream("/lineage/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource lineage/" + name);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The events of a template or partial corpus file, made concrete with {@link #fill}. */
  static List<ObjectNode> filledEvents(String relativePath) {
    return events(relativePath).stream().map(e -> fill(e, relativePath)).toList();
  }

  /**
   * A concrete copy of a template or partial event. Matchers become values chosen from the key they
   * sit under: a run id next to a job gets a UUID derived from the file and the job (so a run's
   * START and COMPLETE, and a parent facet naming that run, agree), a time gets {@link
   * #FILLED_TIME}, a producer a URI, a version {@code 1.26.0}, anything else a plain string. A run
   * event (it has an {@code eventType} and a job) without a run or run id gets one the same way.
   */
  static ObjectNode fill(ObjectNode template, String source) {
    ObjectNode event = template.deepCopy();
    substitute(event, source);
    if (!event.hasNonNull("eventTime")) {
      event.put("eventTime", FILLED_TIME);
    }
    if (!event.hasNonNull("producer")) {
      event.put("producer", FILLED_PRODUCER);
    }
    if (event.has("eventType") && event.path("job").isObject()) {
      ObjectNode run =
          event.path("run").isObject() ? (ObjectNode) event.get("run") : event.putObject("run");
      if (!run.hasNonNull("runId")) {
        run.put("runId", runIdFor(source, event.get("job")));
      }
      if (!event.has("schemaURL")) {
        event.put(
            "schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
      }
    }
    return event;
  }

  /** Whether any matcher is left in the JSON (as text). */
  static boolean hasPlaceholder(JsonNode node) {
    String text = node.toString();
    return text.contains("{{") || text.contains("${json-unit");
  }

  private static void substitute(JsonNode node, String source) {
    if (node instanceof ObjectNode object) {
      JsonNode run = object.path("run");
      JsonNode job = object.path("job");
      if (run.isObject() && job.isObject() && isPlaceholder(run.path("runId"))) {
        ((ObjectNode) run).put("runId", runIdFor(source, job));
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        if (isPlaceholder(field.getValue())) {
          object.put(field.getKey(), valueFor(field.getKey()));
        } else {
          substitute(field.getValue(), source);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (isPlaceholder(array.get(i))) {
          array.set(i, JSON.getNodeFactory().textNode(valueFor("")));
        } else {
          substitute(array.get(i), source);
        }
      }
    }
  }

  private static boolean isPlaceholder(JsonNode node) {
    return node.isTextual() && PLACEHOLDER.matcher(node.asText().trim()).matches();
  }

  private static String valueFor(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals("runid")) {
      return FIXED_RUN_ID;
    }
    if (k.contains("time") || k.contains("date")) {
      return FILLED_TIME;
    }
    if (k.equals("producer") || k.equals("_producer")) {
      return FILLED_PRODUCER;
    }
    if (k.endsWith("version")) {
      return "1.26.0";
    }
    if (k.equals("clientip")) {
      return "10.0.0.7";
    }
    return "fixture-" + (key.isEmpty() ? "value" : key);
  }

  private static String runIdFor(String source, JsonNode job) {
    String key =
        source + "|" + job.path("namespace").asText("") + "|" + job.path("name").asText("");
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
