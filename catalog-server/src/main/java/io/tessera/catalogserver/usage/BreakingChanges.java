package io.tessera.catalogserver.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The changes between two descriptors of a data product ({@code tessera/v1}, as revisions store
 * them) that can break its consumers, port by port: a port removed, a port's dataset moved, a
 * column removed, retyped or made required, the product retired. Added ports and columns,
 * descriptions and loosened nullability break nobody and are not listed.
 */
final class BreakingChanges {
  static final String PORT_REMOVED = "port-removed";
  static final String DATASET_MOVED = "dataset-moved";
  static final String COLUMN_REMOVED = "column-removed";
  static final String COLUMN_RETYPED = "column-retyped";
  static final String COLUMN_REQUIRED = "column-required";
  static final String PRODUCT_RETIRED = "product-retired";
  static final String PRODUCT_DELETED = "product-deleted";

  private BreakingChanges() {}

  /**
   * One breaking change, before its consumers are known.
   *
   * @param port the output port it is about, or null when it is about the whole product
   * @param column the column it is about, or null
   */
  record Change(
      String type, String port, String column, String before, String after, String message) {

    boolean aboutColumn() {
      return column != null;
    }
  }

  /** The breaking changes from {@code before} to {@code after}, in port and column order. */
  static List<Change> between(JsonNode before, JsonNode after) {
    List<Change> changes = new ArrayList<>();
    Map<String, JsonNode> afterPorts = ports(after);
    for (Map.Entry<String, JsonNode> e : ports(before).entrySet()) {
      String port = e.getKey();
      JsonNode was = e.getValue();
      JsonNode now = afterPorts.get(port);
      if (now == null) {
        changes.add(
            new Change(
                PORT_REMOVED,
                port,
                null,
                dataset(was),
                null,
                "output port " + port + " is removed"));
        continue;
      }
      String from = dataset(was);
      String to = dataset(now);
      if (from != null && !from.equals(to)) {
        changes.add(
            new Change(
                DATASET_MOVED,
                port,
                null,
                from,
                to,
                to == null
                    ? "output port " + port + " no longer promises dataset " + from
                    : "output port " + port + " moves from dataset " + from + " to " + to));
      }
      columns(port, was, now, changes);
    }
    if (!retired(before) && retired(after)) {
      changes.add(
          new Change(
              PRODUCT_RETIRED,
              null,
              null,
              text(before.path("spec").path("lifecycle")),
              "retired",
              "the product is retired"));
    }
    return changes;
  }

  /** The change of deleting a product. */
  static Change deleted(String domain, String name) {
    return new Change(
        PRODUCT_DELETED, null, null, null, null, "product " + domain + "/" + name + " is deleted");
  }

  private static void columns(String port, JsonNode was, JsonNode now, List<Change> changes) {
    Map<String, JsonNode> after = byName(now.path("schema"));
    for (Map.Entry<String, JsonNode> e : byName(was.path("schema")).entrySet()) {
      String column = e.getKey();
      JsonNode before = e.getValue();
      JsonNode current = after.get(column);
      String of = "column " + column + " of port " + port;
      if (current == null) {
        changes.add(
            new Change(COLUMN_REMOVED, port, column, type(before), null, of + " is removed"));
        continue;
      }
      String from = type(before);
      String to = type(current);
      if (from != null && to != null && !from.equalsIgnoreCase(to)) {
        changes.add(
            new Change(
                COLUMN_RETYPED,
                port,
                column,
                from,
                to,
                of + " changes type from " + from + " to " + to));
      }
      if (!required(before) && required(current)) {
        changes.add(
            new Change(
                COLUMN_REQUIRED, port, column, "optional", "required", of + " becomes required"));
      }
    }
  }

  private static Map<String, JsonNode> ports(JsonNode descriptor) {
    return byName(descriptor.path("spec").path("outputPorts"));
  }

  private static Map<String, JsonNode> byName(JsonNode list) {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode item : list) {
      String name = text(item.path("name"));
      if (name != null) {
        byName.putIfAbsent(name, item);
      }
    }
    return byName;
  }

  private static String dataset(JsonNode port) {
    JsonNode dataset = port.path("dataset");
    String namespace = text(dataset.path("namespace"));
    String name = text(dataset.path("name"));
    return namespace == null || name == null ? null : namespace + "/" + name;
  }

  private static String type(JsonNode column) {
    String type = text(column.path("type"));
    return type == null ? null : type.strip();
  }

  private static boolean required(JsonNode column) {
    return column.path("required").asBoolean(false);
  }

  private static boolean retired(JsonNode descriptor) {
    String lifecycle = text(descriptor.path("spec").path("lifecycle"));
    return lifecycle != null && lifecycle.toLowerCase(Locale.ROOT).equals("retired");
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }
}
