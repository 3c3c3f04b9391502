package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A translated data product, written out as a {@code tessera/v1 kind: DataProduct} document.
 *
 * @param domain {@code metadata.domain}
 * @param name {@code metadata.name}
 * @param title {@code spec.title}
 * @param text {@code spec.description} and {@code spec.purpose}
 * @param owner {@code spec.owner}, an IRI
 * @param lifecycle {@code spec.lifecycle}
 * @param classification {@code spec.classification} slugs
 * @param tags {@code spec.tags}
 * @param outputPorts {@code spec.outputPorts}
 * @param inputPorts {@code spec.inputPorts}
 * @param identifier {@code spec.identifier}: the standard's {@code id}
 * @param source {@code spec.source}: the standard and its version, e.g. {@code odcs:v3.1.0}
 */
record ProductDocument(
    String domain,
    String name,
    String title,
    DescriptionText text,
    String owner,
    String lifecycle,
    List<String> classification,
    List<String> tags,
    List<OutputPort> outputPorts,
    List<InputPort> inputPorts,
    String identifier,
    String source) {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  ProductDocument {
    classification = List.copyOf(classification);
    tags = List.copyOf(tags);
    outputPorts = List.copyOf(outputPorts);
    inputPorts = List.copyOf(inputPorts);
  }

  /** Returns the document as a Jackson tree; absent optional fields are left out. */
  ObjectNode toNode() {
    ObjectNode document = JSON.objectNode();
    document.put("apiVersion", "tessera/v1");
    document.put("kind", "DataProduct");
    ObjectNode metadata = document.putObject("metadata");
    metadata.put("domain", domain);
    metadata.put("name", name);
    ObjectNode spec = document.putObject("spec");
    spec.put("title", title);
    putIfPresent(spec, "description", text.description());
    putIfPresent(spec, "purpose", text.purpose());
    spec.put("owner", owner);
    spec.put("lifecycle", lifecycle);
    classification.forEach(spec.putArray("classification")::add);
    tags.forEach(spec.putArray("tags")::add);
    ArrayNode outputs = spec.putArray("outputPorts");
    outputPorts.forEach(port -> outputs.add(port.toNode()));
    ArrayNode inputs = spec.putArray("inputPorts");
    inputPorts.forEach(port -> inputs.add(port.toNode()));
    spec.put("identifier", identifier);
    spec.put("source", source);
    return document;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /**
   * An output port.
   *
   * @param name slug, unique within the product
   * @param type table, topic, api or file
   * @param description free text, or null
   * @param dataset the OpenLineage identity the port serves, or null when the standard names none
   * @param contract the data contract id, or null
   * @param schema promised columns ({@code name, type, required, description, classification})
   * @param slo the port's {@code slo} (service level objectives), or null when it promises none
   * @param access the port's {@code access} (how a consumer reaches it), or null when unknown
   */
  record OutputPort(
      String name,
      String type,
      String description,
      DatasetIdentity dataset,
      String contract,
      List<ObjectNode> schema,
      ObjectNode slo,
      ObjectNode access) {

    OutputPort {
      schema = List.copyOf(schema);
      slo = slo == null ? null : slo.deepCopy();
      access = access == null ? null : access.deepCopy();
    }

    /** A port that says nothing of how it is reached. */
    OutputPort(
        String name,
        String type,
        String description,
        DatasetIdentity dataset,
        String contract,
        List<ObjectNode> schema,
        ObjectNode slo) {
      this(name, type, description, dataset, contract, schema, slo, null);
    }

    /** A port that promises no service level objectives. */
    OutputPort(
        String name,
        String type,
        String description,
        DatasetIdentity dataset,
        String contract,
        List<ObjectNode> schema) {
      this(name, type, description, dataset, contract, schema, null, null);
    }

    ObjectNode toNode() {
      ObjectNode port = JSON.objectNode();
      port.put("name", name);
      port.put("type", type);
      putIfPresent(port, "description", description);
      if (dataset != null) {
        port.set("dataset", dataset.toNode());
      }
      putIfPresent(port, "contract", contract);
      if (!schema.isEmpty()) {
        ArrayNode columns = port.putArray("schema");
        schema.forEach(column -> columns.add(column.deepCopy()));
      }
      if (slo != null) {
        port.set("slo", slo.deepCopy());
      }
      if (access != null) {
        port.set("access", access.deepCopy());
      }
      return port;
    }
  }

  /**
   * An input port that reads what a data contract promises.
   *
   * @param name slug, unique among the input ports
   * @param contract the data contract id
   */
  record InputPort(String name, String contract) {

    ObjectNode toNode() {
      ObjectNode port = JSON.objectNode();
      port.put("name", name);
      putIfPresent(port, "contract", contract);
      return port;
    }
  }
}
