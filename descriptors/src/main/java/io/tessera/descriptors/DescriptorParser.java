package io.tessera.descriptors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a descriptor request body: one YAML or JSON document, a YAML stream of documents separated
 * by {@code ---}, or a JSON/YAML list of documents. Duplicate keys are an error, not a silent
 * overwrite.
 */
public class DescriptorParser {
  private final ObjectMapper json =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
  private final ObjectMapper yaml =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * Parses the body.
   *
   * @param asJson parse as strict JSON (the request said {@code application/json})
   * @throws InvalidDescriptorException naming the line and column of a syntax error
   */
  public List<JsonNode> parse(byte[] body, boolean asJson) {
    if (body == null || body.length == 0) {
      throw invalid("body", "the request body is empty; send one or more descriptor documents");
    }
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        (asJson ? json : yaml).readerFor(JsonNode.class).readValues(body)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node == null || node.isNull() || node.isMissingNode()) {
          continue;
        }
        if (node.isArray()) {
          node.forEach(documents::add);
        } else {
          documents.add(node);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw invalid("body", where + e.getOriginalMessage());
    } catch (IOException e) {
      throw invalid("body", "cannot read the body: " + e.getMessage());
    }
    if (documents.isEmpty()) {
      throw invalid("body", "the body holds no documents");
    }
    return documents;
  }

  private static InvalidDescriptorException invalid(String field, String message) {
    return new InvalidDescriptorException(
        "the descriptor could not be parsed; nothing was applied",
        List.of(new FieldError(field, message)));
  }
}
