package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates an Open Data Product Standard (ODPS v0.9/v1.x) document into a {@code tessera/v1} data
 * product.
 *
 * <p>Ports keep their {@code contractId} as {@code contract}; ODPS ports carry no dataset identity,
 * so none is set. Ports that share a name (one per version in ODPS) are told apart by {@link
 * PortNames}.
 */
final class OdpsTranslator {

  /**
   * Translates {@code document}; {@code fallbackDomain} is used when it names no domain. Its {@code
   * tessera.…} custom properties are laid over the result ({@link TesseraProperties}).
   */
  ObjectNode translate(JsonNode document, String fallbackDomain) {
    ObjectNode translated = translateNative(document, fallbackDomain);
    TesseraProperties.apply(document, SourceFields.elements(document, "outputPorts"), translated);
    return translated;
  }

  /** Translates the standard's own fields only, ignoring {@code tessera.…} custom properties. */
  ObjectNode translateNative(JsonNode document) {
    return translateNative(document, null);
  }

  private ObjectNode translateNative(JsonNode document, String fallbackDomain) {
    String apiVersion = SourceFields.text(document, "apiVersion");
    String id = SourceFields.requiredId(document, "an ODPS data product");
    String declaredName = SourceFields.text(document, "name");
    String domain = SourceFields.domain(document, fallbackDomain);
    String name =
        SourceFields.require(
            Slugs.firstSlug(declaredName, id), "name", "cannot be turned into a product name");
    return new ProductDocument(
            domain,
            name,
            declaredName == null ? id : declaredName,
            DescriptionText.from(document.get("description")),
            Owners.of(document.get("team"), domain),
            Lifecycles.fromStatus(SourceFields.text(document, "status")),
            List.of(),
            SourceFields.texts(document, "tags"),
            outputPorts(document),
            inputPorts(document),
            id,
            "odps:" + apiVersion)
        .toNode();
  }

  private static List<ProductDocument.OutputPort> outputPorts(JsonNode document) {
    List<JsonNode> sources = SourceFields.elements(document, "outputPorts");
    PortNames names = new PortNames();
    List<ProductDocument.OutputPort> ports = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      JsonNode port = sources.get(i);
      String base =
          SourceFields.require(
              Slugs.slug(SourceFields.text(port, "name")),
              "outputPorts[" + i + "].name",
              "required: an output port needs a name");
      ports.add(
          new ProductDocument.OutputPort(
              names.claim(base, SourceFields.text(port, "version")),
              portType(SourceFields.text(port, "type")),
              SourceFields.text(port, "description"),
              null,
              SourceFields.text(port, "contractId"),
              List.of()));
    }
    return ports;
  }

  private static List<ProductDocument.InputPort> inputPorts(JsonNode document) {
    List<JsonNode> sources = SourceFields.elements(document, "inputPorts");
    PortNames names = new PortNames();
    List<ProductDocument.InputPort> ports = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      JsonNode port = sources.get(i);
      String contract = SourceFields.text(port, "contractId");
      String base =
          SourceFields.require(
              Slugs.firstSlug(SourceFields.text(port, "name"), contract),
              "inputPorts[" + i + "].contractId",
              "required: an input port needs the id of the contract it reads");
      ports.add(
          new ProductDocument.InputPort(
              names.claim(base, SourceFields.text(port, "version")), contract));
    }
    return ports;
  }

  /** Maps an ODPS output port type (free text such as {@code tables}) to ours. */
  static String portType(String type) {
    if (type == null) {
      return "table";
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "topic", "topics", "stream", "streams", "kafka", "event", "events" -> "topic";
      case "api", "apis", "rest", "graphql", "grpc" -> "api";
      case "file", "files", "object", "objects", "blob", "blobs" -> "file";
      default -> "table";
    };
  }
}
