package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server of a Data Contract Specification document whose datasets the output ports serve: the
 * first with {@code environment: prod} (or {@code production}), else the one named {@code
 * production} or {@code prod}, else the first.
 *
 * <p>Its datasets are named by {@link ServerNaming}, as for ODCS servers, after two adjustments: a
 * {@code kafka} or {@code pubsub} server names its {@code topic} itself (the model's name is used
 * when it has none), and a {@code redshift} server without a {@code host} is reached at its {@code
 * endpoint}.
 *
 * @param node the server mapping
 * @param path its path, e.g. {@code servers.production}
 * @param type its {@code type}, lowercased
 */
record DcsServer(JsonNode node, String path, String type) {

  private static final Set<String> PRODUCTION = Set.of("prod", "production");

  /**
   * Chooses the server of {@code document}; empty when it declares none.
   *
   * @throws StandardImportException when {@code servers} or a server is not a mapping, or the
   *     chosen server has no {@code type}
   */
  static Optional<DcsServer> choose(JsonNode document) {
    JsonNode servers =
        SourceChecks.mapping(document, "servers", "", false, "server name to server");
    if (servers == null) {
      return Optional.empty();
    }
    Map.Entry<String, JsonNode> chosen = null;
    Map.Entry<String, JsonNode> named = null;
    for (Map.Entry<String, JsonNode> entry : servers.properties()) {
      String path = SourceChecks.member("servers", entry.getKey());
      if (!entry.getValue().isObject()) {
        throw new StandardImportException(
            path, "must be a mapping describing the server (type, location, host, ...)");
      }
      String environment = SourceChecks.text(entry.getValue(), "environment", path);
      if (chosen == null && isProduction(environment)) {
        chosen = entry;
      }
      if (named == null && isProduction(entry.getKey())) {
        named = entry;
      }
    }
    if (chosen == null) {
      chosen = named != null ? named : servers.properties().stream().findFirst().orElse(null);
    }
    return Optional.ofNullable(chosen).map(DcsServer::of);
  }

  private static DcsServer of(Map.Entry<String, JsonNode> entry) {
    String path = SourceChecks.member("servers", entry.getKey());
    String type = SourceChecks.text(entry.getValue(), "type", path);
    if (type == null) {
      throw new StandardImportException(
          SourceChecks.member(path, "type"),
          "required: the server type names the dataset's data source");
    }
    return new DcsServer(entry.getValue(), path, type.toLowerCase(Locale.ROOT));
  }

  private static boolean isProduction(String name) {
    return name != null && PRODUCTION.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The port type the server implies: topic, file, api or table. */
  String portType() {
    return ServerNaming.portType(type);
  }

  /**
   * Returns the OpenLineage identity of a model's dataset on this server.
   *
   * @param model the model's name
   * @return the identity; empty for servers that hold no OpenLineage dataset ({@code api})
   * @throws StandardImportException when the type is unsupported or a needed field is missing
   */
  Optional<DatasetIdentity> identity(String model) {
    String dataset = model;
    if (type.equals("kafka") || type.equals("pubsub")) {
      String topic = SourceChecks.text(node, "topic", path);
      dataset = topic != null ? topic : model;
    }
    return ServerNaming.identity(normalized(), path, dataset);
  }

  private JsonNode normalized() {
    if (type.equals("redshift") && SourceFields.text(node, "host") == null) {
      String endpoint = SourceChecks.text(node, "endpoint", path);
      if (endpoint != null) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.put("host", endpoint.replaceFirst("/.*$", ""));
        return copy;
      }
    }
    return node;
  }
}
