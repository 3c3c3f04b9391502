package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Tessera fields that ODPS and ODCS cannot carry themselves, written as the standards' {@code
 * customProperties} so that an exported product imports back unchanged.
 *
 * <p>A document-level property {@code tessera.metadata.<field>} or {@code tessera.spec.<field>},
 * and a port-level (ODPS port, ODCS schema object) property {@code tessera.<field>}, states the
 * value of that field of the {@code tessera/v1} document exactly; a {@code null} value says the
 * field is absent. On import they are laid over what the standard's own fields translate to, port
 * properties first, then document properties (so {@code tessera.spec.outputPorts} replaces every
 * port). On export only the fields whose translation differs from the product's descriptor are
 * written. Custom properties with other names are left alone.
 */
final class TesseraProperties {

  static final String PREFIX = "tessera.";
  private static final String CUSTOM = "customProperties";
  private static final String PORTS_OUT = "outputPorts";
  private static final String PORTS_IN = "inputPorts";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TesseraProperties() {}

  /**
   * Lays the Tessera properties of a standard document over its translation.
   *
   * @param source the ODPS or ODCS document
   * @param outputSources the source element of each translated output port, in order (ODPS output
   *     ports, ODCS schema objects), or an empty list when they do not correspond one to one
   * @param translated the {@code tessera/v1} document, changed in place
   */
  static void apply(JsonNode source, List<JsonNode> outputSources, ObjectNode translated) {
    ObjectNode spec = (ObjectNode) translated.get("spec");
    overlayPorts(spec, PORTS_OUT, outputSources, outputPath(source));
    overlayPorts(spec, PORTS_IN, SourceFields.elements(source, PORTS_IN), PORTS_IN);
    List<JsonNode> properties = SourceFields.elements(source, CUSTOM);
    for (int i = 0; i < properties.size(); i++) {
      String name = propertyName(properties.get(i));
      if (name == null) {
        continue;
      }
      String path = CUSTOM + "[" + i + "].property";
      String field = name.substring(PREFIX.length());
      int dot = field.indexOf('.');
      String part = dot < 0 ? "" : field.substring(0, dot);
      String key = dot < 0 ? "" : field.substring(dot + 1);
      if (!("metadata".equals(part) || "spec".equals(part)) || key.isEmpty() || key.contains(".")) {
        throw new StandardImportException(
            path,
            "'"
                + name
                + "' is not a Tessera property: expected tessera.metadata.<field> or"
                + " tessera.spec.<field>");
      }
      set((ObjectNode) translated.get(part), key, properties.get(i).get("value"));
    }
  }

  /** Whether a document states its output ports with {@code tessera.spec.outputPorts}. */
  static boolean statesOutputPorts(JsonNode source) {
    return SourceFields.elements(source, CUSTOM).stream()
        .anyMatch(p -> (PREFIX + "spec." + PORTS_OUT).equals(propertyName(p)));
  }

  /**
   * The document-level properties that make {@code translated} equal to {@code wanted}: one per
   * {@code metadata} and {@code spec} field that differs, with ports compared one by one when both
   * lists have the same length (their differences are returned by {@link #portProperties}).
   */
  static List<ObjectNode> documentProperties(ObjectNode wanted, ObjectNode translated) {
    List<ObjectNode> properties = new ArrayList<>();
    for (String part : List.of("metadata", "spec")) {
      JsonNode want = wanted.path(part);
      JsonNode got = translated.path(part);
      for (String key : keys(want, got)) {
        if (isPortList(part, key) && samePortCount(want.get(key), got.get(key))) {
          continue;
        }
        if (!Objects.equals(want.get(key), got.get(key))) {
          properties.add(property(PREFIX + part + "." + key, want.get(key)));
        }
      }
    }
    return properties;
  }

  /** The port-level properties that make a translated port equal to the wanted one. */
  static List<ObjectNode> portProperties(JsonNode wanted, JsonNode translated) {
    List<ObjectNode> properties = new ArrayList<>();
    for (String key : keys(wanted, translated)) {
      if (!Objects.equals(wanted.get(key), translated.get(key))) {
        properties.add(property(PREFIX + key, wanted.get(key)));
      }
    }
    return properties;
  }

  /** Whether the port lists of two descriptors are compared port by port. */
  static boolean samePortCount(JsonNode wanted, JsonNode translated) {
    return wanted != null
        && translated != null
        && wanted.isArray()
        && translated.isArray()
        && wanted.size() == translated.size();
  }

  /** Appends {@code properties} to the element's {@code customProperties} (created if needed). */
  static void attach(ObjectNode element, List<ObjectNode> properties) {
    if (properties.isEmpty()) {
      return;
    }
    ArrayNode list =
        element.get(CUSTOM) instanceof ArrayNode existing ? existing : element.putArray(CUSTOM);
    properties.forEach(list::add);
  }

  /** A custom property {@code {property, value}}; a null value is written as JSON null. */
  static ObjectNode property(String name, JsonNode value) {
    ObjectNode property = JSON.objectNode();
    property.put("property", name);
    property.set("value", value == null ? JSON.nullNode() : value.deepCopy());
    return property;
  }

  private static boolean isPortList(String part, String key) {
    return "spec".equals(part) && (PORTS_OUT.equals(key) || PORTS_IN.equals(key));
  }

  private static String outputPath(JsonNode source) {
    return source.has(PORTS_OUT) ? PORTS_OUT : "schema";
  }

  private static void overlayPorts(
      ObjectNode spec, String listName, List<JsonNode> sources, String sourcePath) {
    JsonNode ports = spec.get(listName);
    if (ports == null || !ports.isArray() || ports.size() != sources.size()) {
      return;
    }
    for (int p = 0; p < sources.size(); p++) {
      List<JsonNode> properties = SourceFields.elements(sources.get(p), CUSTOM);
      for (int i = 0; i < properties.size(); i++) {
        String name = propertyName(properties.get(i));
        if (name == null) {
          continue;
        }
        String key = name.substring(PREFIX.length());
        if (key.isEmpty() || key.contains(".")) {
          throw new StandardImportException(
              sourcePath + "[" + p + "]." + CUSTOM + "[" + i + "].property",
              "'" + name + "' is not a Tessera port property: expected tessera.<field>");
        }
        set((ObjectNode) ports.get(p), key, properties.get(i).get("value"));
      }
    }
  }

  private static String propertyName(JsonNode property) {
    String name = SourceFields.text(property, "property");
    return name != null && name.startsWith(PREFIX) ? name : null;
  }

  private static void set(ObjectNode target, String key, JsonNode value) {
    if (value == null || value.isNull()) {
      target.remove(key);
    } else {
      target.set(key, value.deepCopy());
    }
  }

  private static Set<String> keys(JsonNode a, JsonNode b) {
    Set<String> keys = new LinkedHashSet<>();
    for (JsonNode node : List.of(a, b)) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        keys.add(names.next());
      }
    }
    return keys;
  }
}
