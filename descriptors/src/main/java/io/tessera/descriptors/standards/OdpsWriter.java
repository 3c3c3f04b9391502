package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@code tessera/v1} data product as an Open Data Product Standard v1.0.0 document with
 * the standard's own fields only, the inverse of {@link OdpsTranslator}; {@link StandardExports}
 * adds what they cannot carry as {@link TesseraProperties}.
 */
final class OdpsWriter {

  static final String API_VERSION = "v1.0.0";
  static final String PORT_VERSION = "1.0.0";

  private OdpsWriter() {}

  /**
   * Writes {@code descriptor} ({@code tessera/v1 kind: DataProduct}).
   *
   * @param defaultId the {@code id} when the product has no {@code spec.identifier}
   */
  static ObjectNode write(JsonNode descriptor, String defaultId) {
    JsonNode metadata = descriptor.path("metadata");
    JsonNode spec = descriptor.path("spec");
    String domain = SourceFields.text(metadata, "domain");
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("apiVersion", API_VERSION);
    out.put("kind", "DataProduct");
    out.put("id", orElse(SourceFields.text(spec, "identifier"), defaultId));
    out.put("name", orElse(SourceFields.text(spec, "title"), SourceFields.text(metadata, "name")));
    out.put("status", Lifecycles.toStatus(SourceFields.text(spec, "lifecycle")));
    out.put("domain", domain);
    putObject(
        out,
        "description",
        DescriptionText.block(
            SourceFields.text(spec, "description"), SourceFields.text(spec, "purpose")));
    putTexts(out, "tags", spec);
    putObject(out, "team", Owners.team(SourceFields.text(spec, "owner"), domain));
    ArrayNode outputs = out.putArray("outputPorts");
    for (JsonNode port : SourceFields.elements(spec, "outputPorts")) {
      ObjectNode written = outputs.addObject();
      written.put("name", SourceFields.text(port, "name"));
      written.put("version", PORT_VERSION);
      putText(written, "type", SourceFields.text(port, "type"));
      putText(written, "description", SourceFields.text(port, "description"));
      putText(written, "contractId", SourceFields.text(port, "contract"));
    }
    ArrayNode inputs = out.putArray("inputPorts");
    for (JsonNode port : SourceFields.elements(spec, "inputPorts")) {
      String contract = SourceFields.text(port, "contract");
      String dataset = datasetKey(port.path("dataset"));
      ObjectNode written = inputs.addObject();
      written.put("name", orElse(SourceFields.text(port, "name"), orElse(contract, dataset)));
      written.put("version", PORT_VERSION);
      written.put("contractId", orElse(contract, dataset));
    }
    return out;
  }

  /** A dataset as one text, {@code namespace/name}, the OpenLineage dataset URI. */
  static String datasetKey(JsonNode dataset) {
    String namespace = SourceFields.text(dataset, "namespace");
    String name = SourceFields.text(dataset, "name");
    return namespace == null || name == null ? null : namespace + "/" + name;
  }

  static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  static void putText(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  static void putObject(ObjectNode node, String field, ObjectNode value) {
    if (value != null) {
      node.set(field, value);
    }
  }

  static void putTexts(ObjectNode node, String field, JsonNode spec) {
    var texts = SourceFields.texts(spec, field);
    if (!texts.isEmpty()) {
      texts.forEach(node.putArray(field)::add);
    }
  }
}
