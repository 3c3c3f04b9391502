package io.tessera.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two observed schemas of a dataset. Adding a column or relaxing nullability is additive;
 * removing a column, changing its type or tightening nullability breaks readers.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /** A column as an OpenLineage schema facet describes it (nested fields flattened as a.b). */
  public record Column(
      String name, String type, Boolean nullable, String description, int ordinal) {}

  /** One difference. */
  public record Change(String kind, String field, String before, String after, boolean breaking) {}

  /** Reads the columns of a {@code schema} facet, flattening nested fields. */
  public static List<Column> columns(JsonNode schemaFacet) {
    List<Column> columns = new ArrayList<>();
    flatten(schemaFacet.path("fields"), "", columns);
    return columns;
  }

  private static void flatten(JsonNode fields, String prefix, List<Column> out) {
    if (!fields.isArray()) {
      return;
    }
    for (JsonNode field : fields) {
      String name = field.path("name").asText("");
      if (name.isBlank()) {
        continue;
      }
      JsonNode nullable = field.path("nullable");
      out.add(
          new Column(
              prefix + name,
              field.hasNonNull("type") ? field.get("type").asText() : null,
              nullable.isBoolean() ? nullable.asBoolean() : null,
              field.hasNonNull("description") ? field.get("description").asText() : null,
              field.path("ordinal_position").isInt()
                  ? field.get("ordinal_position").asInt()
                  : out.size()));
      flatten(field.path("fields"), prefix + name + ".", out);
    }
  }

  /** The changes from {@code before} to {@code after}, in column order. */
  public static List<Change> diff(List<Column> before, List<Column> after) {
    Map<String, Column> old = index(before);
    Map<String, Column> now = index(after);
    List<Change> changes = new ArrayList<>();
    for (Column column : before) {
      if (!now.containsKey(column.name())) {
        changes.add(new Change("COLUMN_REMOVED", column.name(), column.type(), null, true));
      }
    }
    for (Column column : after) {
      Column previous = old.get(column.name());
      if (previous == null) {
        changes.add(new Change("COLUMN_ADDED", column.name(), null, column.type(), false));
        continue;
      }
      if (!sameType(previous.type(), column.type())) {
        changes.add(
            new Change("TYPE_CHANGED", column.name(), previous.type(), column.type(), true));
      }
      if (Boolean.TRUE.equals(previous.nullable()) && Boolean.FALSE.equals(column.nullable())) {
        changes.add(
            new Change("NULLABILITY_TIGHTENED", column.name(), "nullable", "not null", true));
      } else if (Boolean.FALSE.equals(previous.nullable())
          && Boolean.TRUE.equals(column.nullable())) {
        changes.add(
            new Change("NULLABILITY_RELAXED", column.name(), "not null", "nullable", false));
      }
    }
    return changes;
  }

  /** Whether two observations describe the same schema (names, types, nullability, order). */
  public static boolean same(List<Column> before, List<Column> after) {
    if (before.size() != after.size()) {
      return false;
    }
    for (int i = 0; i < before.size(); i++) {
      Column a = before.get(i);
      Column b = after.get(i);
      if (!a.name().equals(b.name())
          || !sameType(a.type(), b.type())
          || !Objects.equals(a.nullable(), b.nullable())
          || !Objects.equals(a.description(), b.description())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameType(String a, String b) {
    return Objects.equals(
        a == null ? null : a.toLowerCase(Locale.ROOT),
        b == null ? null : b.toLowerCase(Locale.ROOT));
  }

  private static Map<String, Column> index(List<Column> columns) {
    Map<String, Column> byName = new LinkedHashMap<>();
    columns.forEach(c -> byName.putIfAbsent(c.name(), c));
    return byName;
  }
}
