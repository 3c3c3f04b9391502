package io.tessera.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.cli.files.DocumentSet;
import io.tessera.cli.files.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's impact answer ({@code POST /api/v1/descriptors/impact}) with each document tied to
 * the file it came from.
 *
 * @param answer {@code {breaking, affectedConsumers, documents: [{index, kind, domain, name,
 *     status, breakingChanges: [{type, port, column, before, after, message, consumers}]}]}}
 * @param sources the documents of the request, in request order
 * @param workspace the directory file paths are shown relative to in annotations (GitHub's {@code
 *     GITHUB_WORKSPACE}, the repository's root), or null to show them as given
 */
public record ImpactReport(JsonNode answer, DocumentSet sources, Path workspace) {

  /** A report that shows file paths as given. */
  public ImpactReport(JsonNode answer, DocumentSet sources) {
    this(answer, sources, null);
  }

  /** A file's path relative to the workspace when it is inside it, else as given; with slashes. */
  public String annotationPath(Path file) {
    Path shown = file;
    if (workspace != null) {
      Path absolute = file.toAbsolutePath().normalize();
      Path root = workspace.toAbsolutePath().normalize();
      if (absolute.startsWith(root)) {
        shown = root.relativize(absolute);
      }
    }
    return shown.toString().replace('\\', '/');
  }

  /** Whether any change breaks a consumer. */
  public boolean breaking() {
    return answer.path("breaking").asBoolean(false) || breakingChangeCount() > 0;
  }

  /** The documents of the answer (deleted products have no source). */
  public List<JsonNode> documents() {
    List<JsonNode> documents = new ArrayList<>();
    answer.path("documents").forEach(documents::add);
    return documents;
  }

  /** How many breaking changes there are in all. */
  public int breakingChangeCount() {
    int count = 0;
    for (JsonNode doc : answer.path("documents")) {
      count += doc.path("breakingChanges").size();
    }
    return count;
  }

  /** How many consumers are affected, as the server counts them. */
  public int affectedConsumers() {
    return answer.path("affectedConsumers").asInt(0);
  }

  /** The source of a document of the answer; empty for a deleted product. */
  public Optional<SourceDocument> source(JsonNode document) {
    JsonNode index = document.path("index");
    return index.isIntegralNumber() ? sources.at(index.asInt()) : Optional.empty();
  }

  /**
   * The line of the field a breaking change is about (the column's type for a retyped column, the
   * port for a removed column), else the document's line; 0 without a source.
   */
  public int line(JsonNode document, JsonNode change) {
    return source(document).map(s -> s.lineOf(fieldOf(s.content(), change))).orElse(0);
  }

  /** The field of a document that a breaking change is about, as a path. */
  static String fieldOf(JsonNode content, JsonNode change) {
    String type = change.path("type").asText("");
    if (type.equals("product-retired")) {
      return "spec.lifecycle";
    }
    String port = change.path("port").asText(null);
    if (port == null) {
      return "";
    }
    JsonNode ports = content.path("spec").path("outputPorts");
    int p = indexOfName(ports, port);
    if (p < 0) {
      return "spec.outputPorts";
    }
    String portPath = "spec.outputPorts[" + p + "]";
    if (type.equals("dataset-moved")) {
      return portPath + ".dataset";
    }
    String column = change.path("column").asText(null);
    if (column == null) {
      return portPath;
    }
    int c = indexOfName(ports.get(p).path("schema"), column);
    if (c < 0) {
      return portPath + ".schema";
    }
    String columnPath = portPath + ".schema[" + c + "]";
    return switch (type) {
      case "column-retyped" -> columnPath + ".type";
      case "column-required" -> columnPath + ".required";
      default -> columnPath;
    };
  }

  private static int indexOfName(JsonNode list, String name) {
    for (int i = 0; i < list.size(); i++) {
      if (name.equals(list.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  /** {@code job ns/job (finance)}, {@code product finance/revenue}, {@code agreement alice@x}. */
  public static String consumer(JsonNode consumer) {
    StringBuilder text =
        new StringBuilder(consumer.path("kind").asText("consumer"))
            .append(' ')
            .append(consumer.path("name").asText("?"));
    List<String> notes = new ArrayList<>();
    if (consumer.hasNonNull("domain") && !consumer.path("kind").asText().equals("product")) {
      notes.add("domain " + consumer.path("domain").asText());
    }
    if (consumer.path("columns").isArray() && !consumer.path("columns").isEmpty()) {
      List<String> columns = new ArrayList<>();
      consumer.path("columns").forEach(c -> columns.add(c.asText()));
      notes.add("reads " + String.join(", ", columns));
    }
    if (consumer.hasNonNull("purpose")) {
      notes.add("purpose: " + consumer.path("purpose").asText());
    }
    if (!notes.isEmpty()) {
      text.append(" (").append(String.join("; ", notes)).append(')');
    }
    return text.toString();
  }

  /** The name of an answer's document: {@code sales/orders}. */
  public static String name(JsonNode document) {
    return Entities.name(document);
  }
}
