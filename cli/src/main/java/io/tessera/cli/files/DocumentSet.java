package io.tessera.cli.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents of a command's files in request order: document {@code i} of the request is {@code
 * documents().get(i)}, so a server error about {@code documents[i].spec.owner} maps back to its
 * file, document and line.
 */
public record DocumentSet(List<SourceDocument> documents) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REQUEST_FIELD = Pattern.compile("^documents\\[(\\d+)\\]\\.?(.*)$");

  public DocumentSet {
    documents = List.copyOf(documents);
  }

  /** The request body: every document in one JSON list. */
  public byte[] requestBody() {
    ArrayNode list = JSON.createArrayNode();
    documents.forEach(d -> list.add(d.content()));
    try {
      return JSON.writeValueAsBytes(list);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a parsed document cannot be written as JSON", e);
    }
  }

  /** The files the documents come from, in order. */
  public Set<Path> files() {
    Set<Path> files = new LinkedHashSet<>();
    documents.forEach(d -> files.add(d.file()));
    return files;
  }

  /** The document at a request index, if there is one. */
  public Optional<SourceDocument> at(Integer index) {
    return index == null || index < 0 || index >= documents.size()
        ? Optional.empty()
        : Optional.of(documents.get(index));
  }

  /**
   * Where a field of the request is: {@code documents[3].spec.owner} becomes the file, document
   * number and line of that field; any other field (e.g. {@code body}) stays as it is.
   */
  public Location locate(String requestField) {
    Matcher m = REQUEST_FIELD.matcher(requestField == null ? "" : requestField);
    if (m.matches()) {
      Optional<SourceDocument> doc = at(Integer.parseInt(m.group(1)));
      if (doc.isPresent()) {
        String field = m.group(2);
        return new Location(doc.get(), field, doc.get().lineOf(field));
      }
    }
    return new Location(null, requestField, 0);
  }

  /**
   * A field in a file.
   *
   * @param document the document, or null when the field is not in one
   * @param field the field within the document (empty for the whole document)
   * @param line the field's line, from 1 (0 when unknown)
   */
  public record Location(SourceDocument document, String field, int line) {
    /** {@code dir/orders.yaml:14: document 2, spec.owner}, or the field alone. */
    public String describe() {
      if (document == null) {
        return field == null || field.isEmpty() ? "request" : field;
      }
      String where = document.file() + ":" + line + ": document " + document.number();
      return field.isEmpty() ? where : where + ", " + field;
    }
  }

  /** The content of document {@code i}. */
  public JsonNode content(int i) {
    return documents.get(i).content();
  }
}
