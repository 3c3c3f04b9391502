package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a {@code tessera/v1} data product as one Open Data Contract Standard v3.1.0 contract with
 * the standard's own fields only, the inverse of {@link OdcsTranslator}: one schema object per
 * output port, its columns as properties. {@link StandardExports} adds what they cannot carry (the
 * ports' datasets and SLOs, input ports, ...) as {@link TesseraProperties}.
 */
final class OdcsWriter {

  static final String API_VERSION = "v3.1.0";
  private static final Set<String> LOGICAL_TYPES =
      Set.of(
          "string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean");

  private OdcsWriter() {}

  /**
   * Writes {@code descriptor} ({@code tessera/v1 kind: DataProduct}).
   *
   * @param defaultId the contract {@code id} when the output ports name no common contract and the
   *     product has no {@code spec.identifier}
   */
  static ObjectNode write(JsonNode descriptor, String defaultId) {
    JsonNode metadata = descriptor.path("metadata");
    JsonNode spec = descriptor.path("spec");
    String domain = SourceFields.text(metadata, "domain");
    String title =
        OdpsWriter.orElse(SourceFields.text(spec, "title"), SourceFields.text(metadata, "name"));
    List<JsonNode> ports = SourceFields.elements(spec, "outputPorts");
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("apiVersion", API_VERSION);
    out.put("kind", "DataContract");
    out.put(
        "id",
        OdpsWriter.orElse(
            commonContract(ports),
            OdpsWriter.orElse(SourceFields.text(spec, "identifier"), defaultId)));
    out.put("version", OdpsWriter.PORT_VERSION);
    out.put("status", Lifecycles.toStatus(SourceFields.text(spec, "lifecycle")));
    out.put("name", title);
    out.put("dataProduct", title);
    out.put("domain", domain);
    OdpsWriter.putObject(
        out,
        "description",
        DescriptionText.block(
            SourceFields.text(spec, "description"), SourceFields.text(spec, "purpose")));
    OdpsWriter.putTexts(out, "tags", spec);
    OdpsWriter.putObject(out, "team", Owners.team(SourceFields.text(spec, "owner"), domain));
    if (!ports.isEmpty()) {
      ArrayNode schema = out.putArray("schema");
      ports.forEach(port -> schema.add(schemaObject(port)));
    }
    return out;
  }

  private static ObjectNode schemaObject(JsonNode port) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("name", SourceFields.text(port, "name"));
    OdpsWriter.putText(object, "physicalName", SourceFields.text(port.path("dataset"), "name"));
    object.put("logicalType", "object");
    OdpsWriter.putText(object, "physicalType", SourceFields.text(port, "type"));
    OdpsWriter.putText(object, "description", SourceFields.text(port, "description"));
    List<JsonNode> columns = SourceFields.elements(port, "schema");
    if (!columns.isEmpty()) {
      ArrayNode properties = object.putArray("properties");
      columns.forEach(column -> properties.add(property(column)));
    }
    return object;
  }

  private static ObjectNode property(JsonNode column) {
    ObjectNode property = JsonNodeFactory.instance.objectNode();
    property.put("name", SourceFields.text(column, "name"));
    String type = SourceFields.text(column, "type");
    if (type != null && LOGICAL_TYPES.contains(type)) {
      property.put("logicalType", type);
    }
    OdpsWriter.putText(property, "physicalType", type);
    JsonNode required = column.get("required");
    if (required != null && required.isBoolean()) {
      property.put("required", required.booleanValue());
    }
    OdpsWriter.putText(property, "description", SourceFields.text(column, "description"));
    OdpsWriter.putText(property, "classification", SourceFields.text(column, "classification"));
    return property;
  }

  /** The contract every output port names, or null when they name none or several. */
  private static String commonContract(List<JsonNode> ports) {
    Set<String> contracts = new LinkedHashSet<>();
    for (JsonNode port : ports) {
      contracts.add(SourceFields.text(port, "contract"));
    }
    return contracts.size() == 1 ? contracts.iterator().next() : null;
  }
}
