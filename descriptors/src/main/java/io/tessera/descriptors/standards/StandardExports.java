package io.tessera.descriptors.standards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a data product's {@code tessera/v1} descriptor as an Open Data Product Standard v1.0.0
 * document ({@link #odps}) or an Open Data Contract Standard v3.1.0 contract ({@link #odcs}), the
 * inverse of {@link StandardDescriptors#translate}.
 *
 * <p>Each field is written where the standard has a place for it (docs/descriptors.md has the
 * tables); what the standard cannot carry exactly is added as {@code customProperties} named {@code
 * tessera.…} (see {@link TesseraProperties}), computed by translating the written document back and
 * comparing it with the descriptor, so that importing an export answers {@code unchanged}.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class StandardExports {

  private final OdpsTranslator odps = new OdpsTranslator();
  private final OdcsTranslator odcs = new OdcsTranslator();
  private final ObjectMapper yaml =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  /** Creates the writer. */
  public StandardExports() {}

  /**
   * The product as an ODPS v1.0.0 document.
   *
   * @param descriptor the product's {@code tessera/v1 kind: DataProduct} document as applied
   * @param defaultId the ODPS {@code id} when the product has no {@code spec.identifier} (e.g. the
   *     product's IRI)
   */
  public ObjectNode odps(ObjectNode descriptor, String defaultId) {
    ObjectNode out = OdpsWriter.write(descriptor, defaultId);
    return withTesseraProperties(descriptor, out, "outputPorts", odps::translateNative);
  }

  /**
   * The product as one ODCS v3.1.0 contract, a schema object per output port.
   *
   * @param descriptor the product's {@code tessera/v1 kind: DataProduct} document as applied
   * @param defaultId the contract {@code id} when the ports name no common contract and the product
   *     has no {@code spec.identifier}
   */
  public ObjectNode odcs(ObjectNode descriptor, String defaultId) {
    ObjectNode out = OdcsWriter.write(descriptor, defaultId);
    if (!out.has("schema")) {
      TesseraProperties.attach(
          out,
          List.of(
              TesseraProperties.property(
                  TesseraProperties.PREFIX + "spec.outputPorts",
                  descriptor.path("spec").get("outputPorts"))));
    }
    return withTesseraProperties(descriptor, out, "schema", odcs::translateNative);
  }

  /** A document as YAML, the way descriptors are written by hand. */
  public String yaml(JsonNode document) {
    try {
      return yaml.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }

  private static ObjectNode withTesseraProperties(
      ObjectNode descriptor,
      ObjectNode out,
      String outputField,
      Function<JsonNode, ObjectNode> translate) {
    ObjectNode translated = translate.apply(out.deepCopy());
    JsonNode wanted = descriptor.path("spec");
    JsonNode got = translated.path("spec");
    attachToPorts(wanted.get("outputPorts"), got.get("outputPorts"), out.get(outputField));
    attachToPorts(wanted.get("inputPorts"), got.get("inputPorts"), out.get("inputPorts"));
    Set<String> stated = new HashSet<>();
    for (JsonNode property : SourceFields.elements(out, "customProperties")) {
      stated.add(SourceFields.text(property, "property"));
    }
    TesseraProperties.attach(
        out,
        TesseraProperties.documentProperties(descriptor, translated).stream()
            .filter(p -> !stated.contains(p.get("property").asText()))
            .toList());
    return out;
  }

  private static void attachToPorts(JsonNode wanted, JsonNode got, JsonNode written) {
    if (!TesseraProperties.samePortCount(wanted, got)
        || !(written instanceof ArrayNode elements)
        || elements.size() != wanted.size()) {
      return;
    }
    for (int i = 0; i < wanted.size(); i++) {
      TesseraProperties.attach(
          (ObjectNode) elements.get(i),
          TesseraProperties.portProperties(wanted.get(i), got.get(i)));
    }
  }
}
