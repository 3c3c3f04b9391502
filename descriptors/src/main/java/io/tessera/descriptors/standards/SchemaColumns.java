package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Flattens an ODCS schema object's {@code properties} into descriptor columns {@code {name, type,
 * required, description, classification}}.
 *
 * <p>The name is the property's {@code physicalName} or {@code name}, nested properties (of objects
 * and of array items) become {@code parent.child}; the type is the {@code logicalType} or {@code
 * physicalType}; the classification is slugged. Absent values are left out.
 */
final class SchemaColumns {

  private SchemaColumns() {}

  /**
   * Returns the columns of a schema object.
   *
   * @param schemaObject the ODCS schema object
   * @param path its path in the source document, e.g. {@code schema[0]}
   */
  static List<ObjectNode> of(JsonNode schemaObject, String path) {
    List<ObjectNode> columns = new ArrayList<>();
    addProperties(schemaObject, path, "", columns);
    return columns;
  }

  private static void addProperties(
      JsonNode parent, String path, String prefix, List<ObjectNode> columns) {
    List<JsonNode> properties = SourceFields.elements(parent, "properties");
    for (int i = 0; i < properties.size(); i++) {
      JsonNode property = properties.get(i);
      String propertyPath = path + ".properties[" + i + "]";
      String name = SourceFields.firstText(property, "physicalName", "name");
      if (name == null) {
        throw new StandardImportException(
            propertyPath + ".name", "required: a property needs a name or physicalName");
      }
      columns.add(column(prefix + name, property));
      addProperties(property, propertyPath, prefix + name + ".", columns);
      JsonNode items = property.get("items");
      if (items != null && items.isObject()) {
        addProperties(items, propertyPath + ".items", prefix + name + ".", columns);
      }
    }
  }

  private static ObjectNode column(String name, JsonNode property) {
    ObjectNode column = JsonNodeFactory.instance.objectNode();
    column.put("name", name);
    String type = SourceFields.firstText(property, "logicalType", "physicalType");
    if (type != null) {
      column.put("type", type);
    }
    JsonNode required = property.get("required");
    if (required != null && (required.isBoolean() || isBooleanText(required))) {
      column.put("required", required.asBoolean());
    }
    String description = SourceFields.firstText(property, "description", "businessName");
    if (description != null) {
      column.put("description", description);
    }
    Slugs.slug(SourceFields.text(property, "classification"))
        .ifPresent(classification -> column.put("classification", classification));
    return column;
  }

  private static boolean isBooleanText(JsonNode node) {
    return node.isTextual()
        && ("true".equalsIgnoreCase(node.asText()) || "false".equalsIgnoreCase(node.asText()));
  }
}
