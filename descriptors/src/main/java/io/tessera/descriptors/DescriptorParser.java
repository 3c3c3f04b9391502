package io.tessera.descriptors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a descriptor request body: one YAML or JSON document, a YAML stream of documents separated
 * by {@code ---}, or a JSON/YAML list of documents. Duplicate keys are an error, not a silent
 * overwrite. A body beyond the {@link ParseLimits} (characters, nesting, aliases, time) is refused
 * as invalid.
 */
public class DescriptorParser {
  private final ParseLimits limits;
  private final ObjectMapper json;
  private final ObjectMapper yaml;

  /** A parser with {@link ParseLimits#DEFAULTS}. */
  public DescriptorParser() {
    this(ParseLimits.DEFAULTS);
  }

  public DescriptorParser(ParseLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxDocumentLength(limits.maxCodePoints())
            .build();
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(limits.maxCodePoints());
    loader.setNestingDepthLimit(limits.maxNestingDepth());
    loader.setMaxAliasesForCollections(limits.maxAliases());
    loader.setAllowRecursiveKeys(false);
    loader.setAllowDuplicateKeys(false);
    this.json =
        JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.yaml =
        YAMLMapper.builder(
                YAMLFactory.builder()
                    .loaderOptions(loader)
                    .streamReadConstraints(constraints)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /** The limits this parser enforces. */
  public ParseLimits limits() {
    return limits;
  }

  /**
   * Parses the body.
   *
   * @param asJson parse as strict JSON (the request said {@code application/json})
   * @throws InvalidDescriptorException naming the line and column of a syntax error
   */
  public List<JsonNode> parse(byte[] body, boolean asJson) {
    return parse(body, asJson, System.nanoTime() + limits.timeout().toNanos());
  }

  /**
   * Parses the body, refusing it if parsing is still running at the deadline.
   *
   * @param deadlineNanos a {@link System#nanoTime()} value
   * @throws InvalidDescriptorException naming the line and column of a syntax error, or the limit
   *     the body is beyond
   */
  public List<JsonNode> parse(byte[] body, boolean asJson, long deadlineNanos) {
    if (body == null || body.length == 0) {
      throw invalid("body", "the request body is empty; send one or more descriptor documents");
    }
    if (body.length > 4L * limits.maxCodePoints()) {
      throw invalid("body", "the body holds more than " + limits.maxCodePoints() + " characters");
    }
    List<JsonNode> documents = new ArrayList<>();
    Reader text =
        new DeadlineReader(
            new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8),
            deadlineNanos);
    try (MappingIterator<JsonNode> it =
        (asJson ? json : yaml).readerFor(JsonNode.class).readValues(text)) {
      while (it.hasNextValue()) {
        JsonNode node = it.nextValue();
        if (node == null
            || node.isNull()
            || node.isMissingNode()
            || (node.isTextual() && node.textValue().isEmpty())) { // an empty document
          continue;
        }
        if (node.isArray()) {
          node.forEach(documents::add);
        } else {
          documents.add(node);
        }
      }
    } catch (StreamConstraintsException e) {
      throw invalid("body", beyondLimits(e.getMessage()));
    } catch (DeadlineReader.DeadlineExceeded e) {
      throw tooSlow();
    } catch (JsonProcessingException e) {
      if (pastDeadline(e)) {
        throw tooSlow();
      }
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw invalid("body", where + e.getOriginalMessage());
    } catch (IOException e) {
      if (pastDeadline(e)) {
        throw tooSlow();
      }
      throw invalid("body", "cannot read the body: " + e.getMessage());
    } catch (YAMLException e) {
      // SnakeYAML's own limits (code points, nesting, aliases) and its reader's errors
      if (pastDeadline(e)) {
        throw tooSlow();
      }
      throw invalid("body", beyondLimits(e.getMessage()));
    }
    if (documents.isEmpty()) {
      throw invalid("body", "the body holds no documents");
    }
    return documents;
  }

  private static boolean pastDeadline(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeadlineReader.DeadlineExceeded) {
        return true;
      }
    }
    return false;
  }

  private InvalidDescriptorException tooSlow() {
    return invalid(
        "body",
        "the body could not be read within "
            + limits.timeout().toMillis()
            + " ms (e.g. a very long comment); send smaller documents");
  }

  private String beyondLimits(String message) {
    return "the body is beyond the descriptor limits (at most "
        + limits.maxCodePoints()
        + " characters, nesting "
        + limits.maxNestingDepth()
        + " levels deep, "
        + limits.maxAliases()
        + " aliases): "
        + message;
  }

  private static InvalidDescriptorException invalid(String field, String message) {
    return new InvalidDescriptorException(
        "the descriptor could not be parsed; nothing was applied",
        List.of(new FieldError(field, message)));
  }
}
