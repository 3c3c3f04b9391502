package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves the {@code $ref}s of Data Contract Specification fields against the document's own
 * {@code definitions}.
 *
 * <p>Only references into this document ({@code #/definitions/<name>}, the name may contain
 * slashes) are followed; a reference to another document or URL is an error, never fetched. A
 * definition may refer to another; a chain that comes back to a definition, directly or through the
 * nested fields being expanded, is an error.
 */
final class DcsDefinitions {

  private static final String PREFIX = "#/definitions/";

  private final JsonNode definitions;

  /** Reads the {@code definitions} of {@code document} (absent: every reference fails). */
  DcsDefinitions(JsonNode document) {
    this.definitions =
        SourceChecks.mapping(document, "definitions", "", false, "definition name to definition");
  }

  /**
   * Resolves one field.
   *
   * @param node the field as written
   * @param path its path, e.g. {@code models.orders.fields.order_id}
   * @param expanding the definitions whose nested fields are being expanded around this field
   */
  DcsField resolve(JsonNode node, String path, Set<String> expanding) {
    if (!node.isObject()) {
      throw new StandardImportException(
          path, "must be a mapping describing the field (type, required, description, ...)");
    }
    List<DcsField.Layer> layers = new ArrayList<>();
    layers.add(new DcsField.Layer(node, path, null));
    Set<String> chain = new HashSet<>();
    DcsField.Layer current = layers.get(0);
    while (current.node().hasNonNull("$ref")) {
      String refPath = SourceChecks.member(current.path(), "$ref");
      String name =
          definitionName(SourceChecks.text(current.node(), "$ref", current.path()), refPath);
      if (expanding.contains(name) || !chain.add(name)) {
        throw new StandardImportException(
            refPath, "circular reference: definition '" + name + "' refers back to itself");
      }
      current = new DcsField.Layer(definition(name, refPath), at(name), name);
      layers.add(current);
    }
    return new DcsField(layers);
  }

  private static String definitionName(String ref, String refPath) {
    if (ref == null) {
      throw new StandardImportException(refPath, "must name a definition: #/definitions/<name>");
    }
    if (!ref.startsWith(PREFIX) || ref.length() == PREFIX.length()) {
      throw new StandardImportException(
          refPath,
          "'"
              + ref
              + "' is not a reference to this document's definitions (#/definitions/<name>);"
              + " other documents and URLs are not fetched: copy the definition into definitions");
    }
    return ref.substring(PREFIX.length()).replace("~1", "/").replace("~0", "~");
  }

  private JsonNode definition(String name, String refPath) {
    JsonNode definition = definitions == null ? null : definitions.get(name);
    if (definition == null || definition.isNull()) {
      throw new StandardImportException(
          refPath,
          "'#/definitions/"
              + name
              + "' names no definition of this document"
              + (definitions == null ? " (it has no definitions)" : ""));
    }
    if (!definition.isObject()) {
      throw new StandardImportException(at(name), "must be a mapping describing the field");
    }
    return definition;
  }

  private static String at(String name) {
    return SourceChecks.member("definitions", name);
  }
}
