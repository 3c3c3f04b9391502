package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads scalar and list fields of a source (ODPS, ODCS, DCS) document leniently. */
final class SourceFields {

  private SourceFields() {}

  /**
   * Returns the field's scalar value as stripped text, or null when absent, blank or not scalar.
   */
  static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || !value.isValueNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** Returns the text of the first of {@code fields} that has one, or null. */
  static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String text = text(node, field);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  /** Returns the elements of an array field; empty when the field is absent or not an array. */
  static List<JsonNode> elements(JsonNode node, String field) {
    JsonNode array = node == null ? null : node.get(field);
    List<JsonNode> elements = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(elements::add);
    }
    return elements;
  }

  /**
   * Returns the value, or throws a {@link StandardImportException} for {@code field} with {@code
   * message} when it is empty.
   */
  static String require(Optional<String> value, String field, String message) {
    return value.orElseThrow(() -> new StandardImportException(field, message));
  }

  /** Returns the distinct non-blank scalar texts of an array field, in document order. */
  static List<String> texts(JsonNode node, String field) {
    Set<String> texts = new LinkedHashSet<>();
    for (JsonNode element : elements(node, field)) {
      if (element.isValueNode() && !element.isNull() && !element.asText().isBlank()) {
        texts.add(element.asText().strip());
      }
    }
    return List.copyOf(texts);
  }

  /** The document's {@code id}, which both standards require. */
  static String requiredId(JsonNode document, String what) {
    String id = text(document, "id");
    if (id == null) {
      throw new StandardImportException("id", "required: " + what + " needs an id");
    }
    return id;
  }

  /** The slug of the document's {@code domain}, or of the fallback domain. */
  static String domain(JsonNode document, String fallbackDomain) {
    return require(
        Slugs.firstSlug(text(document, "domain"), fallbackDomain),
        "domain",
        "required: the document names no domain and no fallback domain was given");
  }
}
