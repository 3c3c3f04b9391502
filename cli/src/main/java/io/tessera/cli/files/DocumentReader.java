package io.tessera.cli.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the documents of one file (a YAML stream separated by {@code ---}, a JSON document, or a
 * list of documents) and remembers the line of every field, so that an error about a field can name
 * its line. Duplicate keys are errors, as on the server.
 */
final class DocumentReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonFactory json =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private final YAMLFactory yaml;

  DocumentReader() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setAllowRecursiveKeys(false);
    this.yaml =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /**
   * The documents of a file's text.
   *
   * @throws UnreadableFileException naming the line and column of a syntax error
   */
  List<SourceDocument> read(Path file, String text) {
    boolean isJson = file.getFileName().toString().toLowerCase().endsWith(".json");
    List<SourceDocument> documents = new ArrayList<>();
    try (JsonParser parser = (isJson ? json : yaml).createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_ARRAY) {
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            add(file, parser, documents);
          }
        } else {
          add(file, parser, documents);
        }
      }
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new UnreadableFileException(file, where + ": " + e.getOriginalMessage());
    } catch (YAMLException e) {
      throw new UnreadableFileException(file, e.getMessage());
    } catch (IOException e) {
      throw new UnreadableFileException(file, e.getMessage());
    }
    return documents;
  }

  private void add(Path file, JsonParser parser, List<SourceDocument> out) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    Map<String, Integer> lines = new HashMap<>();
    JsonNode node = value(parser, "", lines);
    if (node.isNull() || (node.isTextual() && node.textValue().isEmpty())) {
      return; // an empty document
    }
    out.add(new SourceDocument(file, out.size() + 1, Math.max(line, 1), node, lines));
  }

  private static JsonNode value(JsonParser p, String path, Map<String, Integer> lines)
      throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          String child = path.isEmpty() ? name : path + "." + name;
          lines.put(child, p.currentTokenLocation().getLineNr());
          p.nextToken();
          object.set(name, value(p, child, lines));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          String child = path + "[" + index++ + "]";
          lines.put(child, p.currentTokenLocation().getLineNr());
          array.add(value(p, child, lines));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.textNode(p.getText());
    };
  }
}
