package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates a Data Contract Specification document (datacontract.com, {@code
 * dataContractSpecification} 0.9.x and 1.0.x to 1.2.x) into a {@code tessera/v1} data product with
 * one output port per model.
 *
 * <p>The product is named after the contract's {@code id}; each port serves the OpenLineage dataset
 * that the contract's production server ({@link DcsServer}) holds for the model, and promises the
 * model's fields as its schema ({@link DcsColumns}) and the contract's freshness threshold as its
 * objective ({@link DcsServiceLevels}). The specification is deprecated upstream in favour of ODCS
 * v3.1, which is the format to move to.
 */
final class DcsTranslator {

  /** The field that marks a Data Contract Specification document. */
  static final String VERSION_FIELD = "dataContractSpecification";

  private static final Pattern SUPPORTED = Pattern.compile("^(0\\.9|1\\.[012])\\.\\d+$");
  private static final Set<String> MODEL_TYPES = Set.of("table", "view", "object");

  /** Translates {@code document}; {@code fallbackDomain} is used when it names no domain. */
  ObjectNode translate(JsonNode document, String fallbackDomain) {
    String version = version(document);
    String id = SourceChecks.text(document, "id", "");
    if (id == null) {
      throw new StandardImportException("id", "required: a data contract needs an id");
    }
    JsonNode info = SourceChecks.mapping(document, "info", "", true, "title, version, owner, ...");
    String title = SourceChecks.text(info, "title", "info");
    SourceChecks.text(info, "version", "info");
    String domain = SourceFields.domain(document, fallbackDomain);
    String name =
        SourceFields.require(Slugs.slug(id), "id", "cannot be turned into a product name");
    List<ProductDocument.OutputPort> ports = outputPorts(document, id);
    JsonNode terms = SourceChecks.mapping(document, "terms", "", false, "usage, limitations, ...");
    checkLinks(document);
    return new ProductDocument(
            domain,
            name,
            title != null ? title : id,
            DescriptionText.withTerms(
                SourceChecks.text(info, "description", "info"),
                terms == null ? null : SourceChecks.text(terms, "usage", "terms"),
                terms == null ? null : SourceChecks.text(terms, "limitations", "terms")),
            Owners.fromText(SourceChecks.text(info, "owner", "info"), contactEmail(info), domain),
            Lifecycles.fromStatus(SourceChecks.text(info, "status", "info")),
            SensitivityLevels.of(ports),
            SourceChecks.texts(document, "tags", ""),
            ports,
            List.of(),
            id,
            "dcs:" + version)
        .toNode();
  }

  private static String version(JsonNode document) {
    String version = SourceChecks.text(document, VERSION_FIELD, "");
    if (version == null) {
      throw new StandardImportException(
          VERSION_FIELD, "required: the specification version the contract follows, e.g. 1.2.1");
    }
    if (!SUPPORTED.matcher(version).matches()) {
      throw new StandardImportException(
          VERSION_FIELD,
          "unsupported Data Contract Specification version '"
              + version
              + "': 0.9.x and 1.0.x to 1.2.x can be imported; the specification is deprecated, so"
              + " prefer ODCS v3.1 (kind: DataContract, apiVersion: v3.1.0)");
    }
    return version;
  }

  private static List<ProductDocument.OutputPort> outputPorts(JsonNode document, String id) {
    JsonNode models = SourceChecks.mapping(document, "models", "", false, "model name to model");
    if (models == null || models.isEmpty()) {
      throw new StandardImportException(
          "models",
          "required: a data contract needs at least one model to become a data product's output"
              + " ports");
    }
    Optional<DcsServer> server = DcsServer.choose(document);
    ObjectNode slo = DcsServiceLevels.slo(document);
    DcsColumns columns = new DcsColumns(new DcsDefinitions(document));
    PortNames names = new PortNames();
    List<ProductDocument.OutputPort> ports = new ArrayList<>();
    for (Map.Entry<String, JsonNode> model : models.properties()) {
      String path = SourceChecks.member("models", model.getKey());
      ports.add(port(model.getKey(), model.getValue(), path, server, id, slo, columns, names));
    }
    return ports;
  }

  private static ProductDocument.OutputPort port(
      String modelName,
      JsonNode model,
      String path,
      Optional<DcsServer> server,
      String contractId,
      ObjectNode slo,
      DcsColumns columns,
      PortNames names) {
    if (!model.isObject()) {
      throw new StandardImportException(
          path, "must be a mapping describing the model (type, description, fields)");
    }
    String type = SourceChecks.text(model, "type", path);
    if (type != null && !MODEL_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
      throw new StandardImportException(
          SourceChecks.member(path, "type"),
          "unknown model type '" + type + "'; expected one of table, view, object");
    }
    String base =
        SourceFields.require(Slugs.slug(modelName), path, "cannot be turned into a port name");
    String description = SourceChecks.text(model, "description", path);
    List<ObjectNode> schema = columns.of(model, path);
    return new ProductDocument.OutputPort(
        names.claim(base, null),
        server.map(DcsServer::portType).orElse("table"),
        description != null ? description : SourceChecks.text(model, "title", path),
        server.flatMap(chosen -> chosen.identity(modelName)).orElse(null),
        contractId,
        schema,
        slo);
  }

  private static String contactEmail(JsonNode info) {
    JsonNode contact = SourceChecks.mapping(info, "contact", "info", false, "name, url, email");
    return contact == null ? null : SourceChecks.text(contact, "email", "info.contact");
  }

  private static void checkLinks(JsonNode document) {
    JsonNode links = SourceChecks.mapping(document, "links", "", false, "link name to URL");
    if (links != null) {
      links.properties().forEach(link -> SourceChecks.text(links, link.getKey(), "links"));
    }
  }
}
