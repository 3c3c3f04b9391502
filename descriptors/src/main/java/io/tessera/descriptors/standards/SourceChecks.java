package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads fields of a source document strictly: a value of the wrong kind is a {@link
 * StandardImportException} naming the field ({@code models.orders.fields.order_id.required: must be
 * true or false}), where {@link SourceFields} would pass over it. Paths join a parent path and a
 * key with a dot; a key that is not a plain name is quoted ({@code servers["my server"]}).
 */
final class SourceChecks {

  private static final Pattern PLAIN_KEY = Pattern.compile("^[A-Za-z0-9_$-]+$");

  private SourceChecks() {}

  /** Returns the path of {@code key} under {@code parentPath} (empty for the document itself). */
  static String member(String parentPath, String key) {
    String step =
        PLAIN_KEY.matcher(key).matches()
            ? key
            : "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    if (parentPath.isEmpty()) {
      return step;
    }
    return step.startsWith("[") ? parentPath + step : parentPath + "." + step;
  }

  /**
   * Returns a mapping field, or null when it is absent (or null) and not required.
   *
   * @param what what the mapping holds, for the messages, e.g. {@code "model name to model"}
   */
  static JsonNode mapping(
      JsonNode parent, String key, String parentPath, boolean required, String what) {
    JsonNode value = parent.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        throw new StandardImportException(
            member(parentPath, key), "required: a mapping of " + what);
      }
      return null;
    }
    if (!value.isObject()) {
      throw new StandardImportException(member(parentPath, key), "must be a mapping of " + what);
    }
    return value;
  }

  /** Returns a scalar field as stripped text; null when absent, null or blank. */
  static String text(JsonNode parent, String key, String parentPath) {
    JsonNode value = parent.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new StandardImportException(member(parentPath, key), "must be text");
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** Returns a boolean field; false when absent or null. */
  static boolean flag(JsonNode parent, String key, String parentPath) {
    JsonNode value = parent.get(key);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new StandardImportException(member(parentPath, key), "must be true or false");
    }
    return value.asBoolean();
  }

  /** Returns the distinct non-blank texts of a list field, in order; empty when absent. */
  static List<String> texts(JsonNode parent, String key, String parentPath) {
    JsonNode value = parent.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    String path = member(parentPath, key);
    if (!value.isArray()) {
      throw new StandardImportException(path, "must be a list of texts");
    }
    Set<String> texts = new LinkedHashSet<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isValueNode() || element.isNull() || element.asText().isBlank()) {
        throw new StandardImportException(path + "[" + i + "]", "must be non-empty text");
      }
      texts.add(element.asText().strip());
    }
    return new ArrayList<>(texts);
  }
}
