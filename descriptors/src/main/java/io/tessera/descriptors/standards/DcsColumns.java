package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flattens a Data Contract Specification model's {@code fields} into descriptor columns {@code
 * {name, type, required, description, classification}}.
 *
 * <p>Fields are read after their {@code $ref} is resolved ({@link DcsDefinitions}), the field's own
 * keys overriding the definition's. Nested fields (of objects, and of array {@code items}) become
 * {@code parent.child}, as ODCS nested properties do. A column is required when the field is {@code
 * required}, a {@code primaryKey} (or the deprecated {@code primary}), or named in the model's
 * {@code primaryKey} list. The classification is the field's {@code classification} as a slug, plus
 * {@code pii} when {@code pii: true}: one text, or a list when there are two. {@code unique} is
 * checked but has no column field to go to; constraints, examples, quality, lineage, tags, links
 * and the {@code keys}/{@code values} of maps are left out.
 */
final class DcsColumns {

  /** The most columns one model may expand to, {@code $ref}s included. */
  static final int MAX_COLUMNS = 5_000;

  /** The field types the Data Contract Specification's JSON Schema allows. */
  static final List<String> FIELD_TYPES =
      List.of(
          ("number decimal numeric int integer long bigint float double string text varchar"
                  + " boolean timestamp timestamp_tz timestamp_ntz date time array map object"
                  + " record struct bytes variant json null")
              .split(" "));

  private static final String FIELDS = "field name to field";

  private final DcsDefinitions definitions;

  /** Creates the reader for a document whose {@code definitions} resolve the references. */
  DcsColumns(DcsDefinitions definitions) {
    this.definitions = definitions;
  }

  /**
   * Returns the columns of a model.
   *
   * @param model the model mapping
   * @param path its path, e.g. {@code models.orders}
   * @throws StandardImportException when the model has no fields or a field is invalid
   */
  List<ObjectNode> of(JsonNode model, String path) {
    JsonNode fields = SourceChecks.mapping(model, "fields", path, false, FIELDS);
    if (fields == null || fields.isEmpty()) {
      throw new StandardImportException(
          SourceChecks.member(path, "fields"),
          "required: a model needs at least one field (a mapping of field name to field) to"
              + " become an output port's schema");
    }
    Columns columns = new Columns(new ArrayList<>(), new HashSet<>());
    addFields(
        fields,
        SourceChecks.member(path, "fields"),
        "",
        Set.of(),
        primaryKey(model, path, fields),
        columns);
    return List.copyOf(columns.list());
  }

  private void addFields(
      JsonNode fields,
      String fieldsPath,
      String prefix,
      Set<String> expanding,
      Set<String> primaryKey,
      Columns columns) {
    for (Map.Entry<String, JsonNode> entry : fields.properties()) {
      String path = SourceChecks.member(fieldsPath, entry.getKey());
      DcsField field = definitions.resolve(entry.getValue(), path, expanding);
      String name = prefix + entry.getKey();
      if (!columns.names().add(name)) {
        throw new StandardImportException(
            path, "the column name '" + name + "' is taken by another field of the model");
      }
      columns.list().add(column(name, field, primaryKey.contains(entry.getKey())));
      if (columns.list().size() > MAX_COLUMNS) {
        throw new StandardImportException(
            path, "the model expands to more than " + MAX_COLUMNS + " columns");
      }
      addNested(field, prefix + entry.getKey() + ".", with(expanding, field), columns);
    }
  }

  private void addNested(DcsField field, String prefix, Set<String> expanding, Columns columns) {
    DcsField.Layer holder = field.layerOf("fields");
    JsonNode nested = SourceChecks.mapping(holder.node(), "fields", holder.path(), false, FIELDS);
    if (nested != null) {
      addFields(nested, field.pathOf("fields"), prefix, expanding, Set.of(), columns);
    }
    JsonNode items = field.get("items");
    if (items != null) {
      DcsField item = definitions.resolve(items, field.pathOf("items"), expanding);
      addNested(item, prefix, with(expanding, item), columns);
    }
  }

  private static ObjectNode column(String name, DcsField field, boolean inPrimaryKey) {
    ObjectNode column = JsonNodeFactory.instance.objectNode();
    column.put("name", name);
    String type = field.text("type");
    if (type != null) {
      if (!FIELD_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
        throw new StandardImportException(
            field.pathOf("type"),
            "unknown field type '" + type + "'; expected one of " + String.join(", ", FIELD_TYPES));
      }
      column.put("type", type);
    }
    boolean key = field.flag("primaryKey") | field.flag("primary") | inPrimaryKey;
    boolean required = field.flag("required") | key;
    field.flag("unique");
    if (required || field.get("required") != null) {
      column.put("required", required);
    }
    String description = field.text("description");
    if (description == null) {
      description = field.text("title");
    }
    if (description != null) {
      column.put("description", description);
    }
    List<String> classification = classification(field);
    if (classification.size() == 1) {
      column.put("classification", classification.get(0));
    } else if (!classification.isEmpty()) {
      classification.forEach(column.putArray("classification")::add);
    }
    return column;
  }

  private static List<String> classification(DcsField field) {
    Set<String> classification = new LinkedHashSet<>();
    String text = field.text("classification");
    if (text != null) {
      classification.add(
          SourceFields.require(
              Slugs.slug(text),
              field.pathOf("classification"),
              "'" + text + "' cannot be turned into a classification name"));
    }
    if (field.flag("pii")) {
      classification.add("pii");
    }
    return List.copyOf(classification);
  }

  private static Set<String> primaryKey(JsonNode model, String path, JsonNode fields) {
    List<String> names = SourceChecks.texts(model, "primaryKey", path);
    JsonNode list = model.path("primaryKey");
    for (int i = 0; i < list.size(); i++) {
      String name = list.get(i).asText().strip();
      if (!fields.has(name)) {
        throw new StandardImportException(
            SourceChecks.member(path, "primaryKey") + "[" + i + "]",
            "'" + name + "' names no field of the model");
      }
    }
    return Set.copyOf(names);
  }

  private static Set<String> with(Set<String> expanding, DcsField field) {
    if (field.definitions().isEmpty()) {
      return expanding;
    }
    Set<String> more = new HashSet<>(expanding);
    more.addAll(field.definitions());
    return more;
  }

  /** The columns collected so far and their names. */
  private record Columns(List<ObjectNode> list, Set<String> names) {}
}
