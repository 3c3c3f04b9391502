package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates an Open Data Contract Standard (ODCS v3.x) document into a {@code tessera/v1} data
 * product with one output port per schema object.
 *
 * <p>Each port serves the OpenLineage dataset that the contract's production server (the first
 * server with {@code environment: prod}, else the first server) holds for the object's {@code
 * physicalName}, as named by {@link ServerNaming}, and promises the object's properties as its
 * schema. A contract without schema objects but with {@code slaProperties} becomes a single port
 * standing for the whole contract.
 */
final class OdcsTranslator {

  /**
   * Translates {@code document}; {@code fallbackDomain} is used when it names no domain. Its {@code
   * tessera.…} custom properties are laid over the result ({@link TesseraProperties}).
   */
  ObjectNode translate(JsonNode document, String fallbackDomain) {
    ObjectNode translated = translateNative(document, fallbackDomain);
    TesseraProperties.apply(document, SourceFields.elements(document, "schema"), translated);
    return translated;
  }

  /** Translates the standard's own fields only, ignoring {@code tessera.…} custom properties. */
  ObjectNode translateNative(JsonNode document) {
    return translateNative(document, null);
  }

  private ObjectNode translateNative(JsonNode document, String fallbackDomain) {
    String apiVersion = SourceFields.text(document, "apiVersion");
    String id = SourceFields.requiredId(document, "an ODCS data contract");
    String dataProduct = SourceFields.text(document, "dataProduct");
    String contractName = SourceFields.text(document, "name");
    String domain = SourceFields.domain(document, fallbackDomain);
    String name =
        SourceFields.require(
            Slugs.firstSlug(dataProduct, contractName, id),
            "name",
            "cannot be turned into a product name");
    List<ProductDocument.OutputPort> ports = outputPorts(document, id, contractName);
    return new ProductDocument(
            domain,
            name,
            dataProduct != null ? dataProduct : contractName != null ? contractName : id,
            DescriptionText.from(document.get("description")),
            Owners.of(document.get("team"), domain),
            Lifecycles.fromStatus(SourceFields.text(document, "status")),
            SensitivityLevels.of(ports),
            SourceFields.texts(document, "tags"),
            ports,
            List.of(),
            id,
            "odcs:" + apiVersion)
        .toNode();
  }

  private static List<ProductDocument.OutputPort> outputPorts(
      JsonNode document, String contractId, String contractName) {
    List<JsonNode> objects = SourceFields.elements(document, "schema");
    Optional<ChosenServer> server = chooseServer(document);
    if (objects.isEmpty()) {
      if (TesseraProperties.statesOutputPorts(document)) {
        return List.of();
      }
      if (SourceFields.elements(document, "slaProperties").isEmpty()) {
        throw new StandardImportException(
            "schema",
            "required: an ODCS contract needs at least one schema object (or slaProperties) to"
                + " become a data product's output ports");
      }
      return List.of(contractPort(server, contractId, contractName));
    }
    PortNames names = new PortNames();
    List<ProductDocument.OutputPort> ports = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      ports.add(objectPort(objects.get(i), "schema[" + i + "]", server, contractId, names));
    }
    return ports;
  }

  private static ProductDocument.OutputPort objectPort(
      JsonNode object,
      String path,
      Optional<ChosenServer> server,
      String contractId,
      PortNames names) {
    if (!object.isObject()) {
      throw new StandardImportException(path, "must be a schema object");
    }
    String objectName = SourceFields.text(object, "name");
    String table = SourceFields.firstText(object, "physicalName", "name");
    if (table == null) {
      throw new StandardImportException(
          path + ".name", "required: a schema object needs a name or physicalName");
    }
    String base =
        SourceFields.require(
            Slugs.firstSlug(objectName, table),
            path + ".name",
            "cannot be turned into a port name");
    DatasetIdentity dataset =
        server
            .flatMap(chosen -> ServerNaming.identity(chosen.node(), chosen.path(), table))
            .orElse(null);
    return new ProductDocument.OutputPort(
        names.claim(base, null),
        server
            .map(chosen -> ServerNaming.portType(SourceFields.text(chosen.node(), "type")))
            .orElseGet(() -> physicalPortType(SourceFields.text(object, "physicalType"))),
        SourceFields.firstText(object, "description", "businessName"),
        dataset,
        contractId,
        SchemaColumns.of(object, path),
        null,
        server.flatMap(chosen -> ServerAccess.of(chosen.node(), table)).orElse(null));
  }

  private static ProductDocument.OutputPort contractPort(
      Optional<ChosenServer> server, String contractId, String contractName) {
    String name = Slugs.firstSlug(contractName, contractId).orElse("contract");
    String type =
        server
            .map(chosen -> ServerNaming.portType(SourceFields.text(chosen.node(), "type")))
            .orElse("table");
    return new ProductDocument.OutputPort(name, type, null, null, contractId, List.of());
  }

  private static Optional<ChosenServer> chooseServer(JsonNode document) {
    List<JsonNode> servers = SourceFields.elements(document, "servers");
    for (int i = 0; i < servers.size(); i++) {
      String environment = SourceFields.text(servers.get(i), "environment");
      if ("prod".equalsIgnoreCase(environment) || "production".equalsIgnoreCase(environment)) {
        return Optional.of(new ChosenServer(servers.get(i), "servers[" + i + "]"));
      }
    }
    return servers.isEmpty()
        ? Optional.empty()
        : Optional.of(new ChosenServer(servers.get(0), "servers[0]"));
  }

  private static String physicalPortType(String physicalType) {
    if (physicalType == null) {
      return "table";
    }
    return switch (physicalType.toLowerCase(Locale.ROOT)) {
      case "topic", "stream" -> "topic";
      case "file", "files" -> "file";
      case "api", "endpoint" -> "api";
      default -> "table";
    };
  }

  /** The server whose datasets the ports serve, with its path in the source document. */
  private record ChosenServer(JsonNode node, String path) {}
}
