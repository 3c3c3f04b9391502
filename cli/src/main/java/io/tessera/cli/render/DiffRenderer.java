package io.tessera.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the server's field-by-field changes ({@code path}, {@code op}, {@code before}, {@code
 * after}) the way {@code kubectl diff} readers expect: {@code ~ path: before -> after}, {@code +
 * path: value}, {@code - path: value}. An added or removed mapping or list is spelled out leaf by
 * leaf.
 */
public final class DiffRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> SIGNS =
      Map.of("added", "+", "removed", "-", "changed", "~");

  /** The lines of one document's changes, without indentation. */
  public List<String> render(JsonNode changes) {
    List<String> lines = new ArrayList<>();
    for (JsonNode change : changes) {
      String op = change.path("op").asText("changed");
      String path = change.path("path").asText("");
      switch (op) {
        case "added" -> leaves("+", path, change.path("after"), lines);
        case "removed" -> leaves("-", path, change.path("before"), lines);
        default ->
            lines.add(
                SIGNS.getOrDefault(op, "~")
                    + " "
                    + label(path)
                    + ": "
                    + value(change.path("before"))
                    + " -> "
                    + value(change.path("after")));
      }
    }
    return lines;
  }

  private static void leaves(String sign, String path, JsonNode value, List<String> lines) {
    if (value.isObject() && !value.isEmpty()) {
      value
          .fieldNames()
          .forEachRemaining(
              name ->
                  leaves(sign, path.isEmpty() ? name : path + "." + name, value.get(name), lines));
    } else if (value.isArray() && !value.isEmpty()) {
      for (int i = 0; i < value.size(); i++) {
        leaves(sign, path + "[" + i + "]", value.get(i), lines);
      }
    } else {
      lines.add(sign + " " + label(path) + ": " + value(value));
    }
  }

  private static String label(String path) {
    return path.isEmpty() ? "(document)" : path;
  }

  /** A value as a reader wants to see it: plain text when that is unambiguous, else JSON. */
  static String value(JsonNode value) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      String text = value.textValue();
      boolean plain =
          !text.isEmpty()
              && text.strip().equals(text)
              && !text.contains("\n")
              && !text.contains(" -> ")
              && !text.equals("null");
      return plain ? text : quoted(value);
    }
    return quoted(value);
  }

  private static String quoted(JsonNode value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return value.toString();
    }
  }
}
