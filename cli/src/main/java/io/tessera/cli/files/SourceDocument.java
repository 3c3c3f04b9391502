package io.tessera.cli.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One descriptor document as it was read from a file.
 *
 * @param file the file, as the walk found it
 * @param number the document's position within the file, from 1
 * @param line the line the document starts on, from 1
 * @param content the document
 * @param lines the line of every field in the document, by path ({@code spec.outputPorts[0].name})
 */
public record SourceDocument(
    Path file, int number, int line, JsonNode content, Map<String, Integer> lines) {

  public SourceDocument {
    lines = Map.copyOf(lines);
  }

  /**
   * The line of a field, or of its closest parent that the document has (a missing required field
   * is reported on the line of the mapping that lacks it).
   *
   * @param path a field path like {@code spec.outputPorts[0].dataset.name}; empty for the document
   */
  public int lineOf(String path) {
    String at = path == null ? "" : path;
    while (!at.isEmpty()) {
      Integer found = lines.get(at);
      if (found != null) {
        return found;
      }
      at = parent(at);
    }
    return line;
  }

  /** {@code kind} of the document, or an empty text. */
  public String kind() {
    return content.path("kind").asText("");
  }

  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
