package io.tessera.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.lineage.InvalidEventException.EventError;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads and validates one OpenLineage event (spec 2-0-2 and the older 1-0-x shapes). The kind is
 * decided as Marquez does: a {@code run} makes a run event, else a {@code dataset} a dataset event,
 * else a {@code job} a job event. Tolerates real producers' quirks ({@code _deleted: null}, no
 * {@code schemaURL}, nanosecond times, UUIDv7 run ids, metrics without {@code columnMetrics}) but
 * rejects what would corrupt the graph: a missing or malformed run id, a time without a zone, an
 * unknown event type, a job or dataset without namespace or name.
 */
public final class EventParser {
  /** The earliest year an event or run time may have. */
  public static final int MIN_YEAR = 1900;

  /** The latest year an event or run time may have. */
  public static final int MAX_YEAR = 2999;

  private final ObjectMapper json = JsonMapper.builder().build();
  private final ObjectMapper canonical =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  /**
   * Parses and validates.
   *
   * @throws InvalidEventException naming every problem found
   */
  public LineageEvent parse(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : "line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ": ";
      throw invalid("body", where + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("body", "cannot read the body: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("body", "must be one OpenLineage event as a JSON object");
    }
    return parse((ObjectNode) root);
  }

  /** Validates an already parsed event. */
  public LineageEvent parse(ObjectNode root) {
    List<EventError> errors = new ArrayList<>();
    OffsetDateTime eventTime = time(root, "eventTime", errors);
    String producer = text(root, "producer", true, errors);
    LineageEvent event;
    if (root.has("run")) {
      event = runEvent(root, eventTime, producer, errors);
    } else if (root.has("dataset")) {
      LineageEvent.Dataset dataset = dataset(root.get("dataset"), "dataset", errors);
      event = new LineageEvent.DatasetEvent(eventTime, producer, dataset, root);
    } else if (root.has("job")) {
      event =
          new LineageEvent.JobEvent(
              eventTime,
              producer,
              job(root.get("job"), errors),
              datasets(root, "inputs", "inputFacets", errors),
              datasets(root, "outputs", "outputFacets", errors),
              root);
    } else {
      errors.add(
          new EventError(
              "run",
              "required: an event has a run (run event), a dataset (dataset event) or a job (job event)"));
      event = null;
    }
    if (!errors.isEmpty()) {
      throw new InvalidEventException(errors);
    }
    return event;
  }

  /**
   * The identity an event is deduplicated on: the SHA-256 of its canonical JSON (keys sorted), so
   * the same event sent twice is stored once while two distinct events never collide.
   */
  public String identity(LineageEvent event) {
    try {
      byte[] bytes = canonical.writeValueAsBytes(event.raw());
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new LineageException("cannot compute event identity", e);
    }
  }

  private LineageEvent runEvent(
      ObjectNode root, OffsetDateTime eventTime, String producer, List<EventError> errors) {
    EventType type = EventType.OTHER;
    JsonNode typeNode = root.path("eventType");
    if (!typeNode.isMissingNode() && !typeNode.isNull()) {
      try {
        type = EventType.valueOf(typeNode.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new EventError(
                "eventType",
                "unknown '"
                    + typeNode.asText()
                    + "'; expected START, RUNNING, COMPLETE, ABORT, FAIL or OTHER"));
      }
    }
    JsonNode run = root.get("run");
    String runId = null;
    if (!run.isObject()) {
      errors.add(new EventError("run", "must be an object with a runId"));
    } else {
      runId = text(run, "runId", true, errors, "run.runId");
      if (runId != null) {
        try {
          runId = UUID.fromString(runId).toString();
        } catch (IllegalArgumentException e) {
          errors.add(new EventError("run.runId", "'" + runId + "' is not a UUID"));
        }
      }
    }
    nominalTimes(run.path("facets"), errors);
    return new LineageEvent.RunEvent(
        type,
        eventTime,
        producer,
        runId,
        facets(run.path("facets"), "run.facets", errors),
        job(root.get("job"), errors),
        datasets(root, "inputs", "inputFacets", errors),
        datasets(root, "outputs", "outputFacets", errors),
        root);
  }

  private LineageEvent.Job job(JsonNode job, List<EventError> errors) {
    if (job == null || !job.isObject()) {
      errors.add(new EventError("job", "required: an object with namespace and name"));
      return null;
    }
    return new LineageEvent.Job(
        text(job, "namespace", true, errors, "job.namespace"),
        text(job, "name", true, errors, "job.name"),
        facets(job.path("facets"), "job.facets", errors));
  }

  private List<LineageEvent.Dataset> datasets(
      ObjectNode root, String key, String ioKey, List<EventError> errors) {
    JsonNode list = root.path(key);
    if (list.isMissingNode() || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      errors.add(new EventError(key, "must be a list of datasets"));
      return List.of();
    }
    List<LineageEvent.Dataset> datasets = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      LineageEvent.Dataset dataset = dataset(list.get(i), key + "[" + i + "]", errors);
      if (dataset != null) {
        JsonNode io = list.get(i).path(ioKey);
        datasets.add(
            new LineageEvent.Dataset(
                dataset.namespace(),
                dataset.name(),
                dataset.facets(),
                facets(io, key + "[" + i + "]." + ioKey, errors)));
      }
    }
    return datasets;
  }

  private LineageEvent.Dataset dataset(JsonNode node, String path, List<EventError> errors) {
    if (node == null || !node.isObject()) {
      errors.add(new EventError(path, "must be an object with namespace and name"));
      return null;
    }
    String namespace = text(node, "namespace", true, errors, path + ".namespace");
    String name = text(node, "name", true, errors, path + ".name");
    ObjectNode facets = facets(node.path("facets"), path + ".facets", errors);
    return namespace == null || name == null
        ? null
        : new LineageEvent.Dataset(namespace, name, facets, empty());
  }

  private static ObjectNode facets(JsonNode node, String path, List<EventError> errors) {
    if (node.isMissingNode() || node.isNull()) {
      return empty();
    }
    if (!node.isObject()) {
      errors.add(new EventError(path, "must be an object of facets"));
      return empty();
    }
    ObjectNode facets = (ObjectNode) node;
    facets
        .properties()
        .forEach(
            entry -> {
              if (!entry.getValue().isObject()) {
                errors.add(
                    new EventError(path + "." + entry.getKey(), "a facet must be a JSON object"));
              }
            });
    return facets;
  }

  private static OffsetDateTime time(JsonNode root, String key, List<EventError> errors) {
    String value = text(root, key, true, errors);
    if (value == null) {
      return null;
    }
    return time(value, key, errors);
  }

  /**
   * Parses a time the projection will read, within {@link #MIN_YEAR}..{@link #MAX_YEAR}: a time
   * outside them (e.g. {@code +999999999-…}) cannot be written to the graph or ordered in the
   * journal, so it is refused naming the field.
   */
  private static OffsetDateTime time(String value, String field, List<EventError> errors) {
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(
          new EventError(
              field,
              "'"
                  + value
                  + "' is not an ISO-8601 date-time with a zone offset (e.g. 2026-01-01T10:00:00Z)"));
      return null;
    }
    int year = time.getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      errors.add(
          new EventError(
              field, "'" + value + "' is outside the years " + MIN_YEAR + " to " + MAX_YEAR));
      return null;
    }
    return time;
  }

  /** The run facet times the projection reads: a present one must be a valid time. */
  private static void nominalTimes(JsonNode facets, List<EventError> errors) {
    JsonNode nominal = facets.path("nominalTime");
    for (String key : List.of("nominalStartTime", "nominalEndTime")) {
      JsonNode value = nominal.path(key);
      if (value.isTextual()) {
        time(value.asText(), "run.facets.nominalTime." + key, errors);
      }
    }
  }

  private static String text(JsonNode node, String key, boolean required, List<EventError> errors) {
    return text(node, key, required, errors, key);
  }

  private static String text(
      JsonNode node, String key, boolean required, List<EventError> errors, String path) {
    JsonNode value = node.path(key);
    if (value.isMissingNode()
        || value.isNull()
        || (value.isTextual() && value.asText().isBlank())) {
      if (required) {
        errors.add(new EventError(path, "required"));
      }
      return null;
    }
    if (!value.isTextual()) {
      errors.add(new EventError(path, "must be a string"));
      return null;
    }
    return value.asText();
  }

  private static ObjectNode empty() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static InvalidEventException invalid(String field, String message) {
    return new InvalidEventException(List.of(new EventError(field, message)));
  }
}
