package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tessera.descriptors.AccessFields;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a consumer reaches an ODCS server's object, as a {@code tessera/v1} output port's {@code
 * access}: databases by host, port and database, Kafka by its bootstrap URL and the topic, object
 * stores and SFTP by their location, APIs by their URL. A server that says too little (no host, no
 * location) or that carries credentials gives no access rather than a wrong one.
 */
final class ServerAccess {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern HOST_PORT =
      Pattern.compile(
          "^(?:[a-z][a-z0-9+.-]*://)?([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\\d+))?(?:/.*)?$");

  private ServerAccess() {}

  /** The access to {@code object} (a table or topic name) on {@code server}, if it can be told. */
  static Optional<ObjectNode> of(JsonNode server, String object) {
    String type = lower(SourceFields.text(server, "type"));
    if (type == null) {
      return Optional.empty();
    }
    return switch (type) {
      case "postgres", "postgresql" -> database(server, "postgres");
      case "mysql" -> database(server, "mysql");
      case "sqlserver" -> database(server, "sqlserver");
      case "oracle" -> database(server, "oracle");
      case "redshift" -> database(server, "redshift");
      case "trino" -> database(server, "trino");
      case "snowflake" -> database(server, "snowflake");
      case "databricks" -> database(server, "databricks");
      case "bigquery" ->
          Optional.ofNullable(SourceFields.text(server, "project"))
              .map(project -> access("bigquery").put("database", project));
      case "kafka" -> kafka(server, object);
      case "s3", "gcs", "azure", "sftp" -> location(server, type, object);
      case "api" ->
          Optional.ofNullable(SourceFields.firstText(server, "location", "url"))
              .filter(url -> url.startsWith("https://") && !url.contains("@") && isUrl(url))
              .map(url -> access("https").put("url", url));
      default -> Optional.empty();
    };
  }

  private static Optional<ObjectNode> database(JsonNode server, String protocol) {
    String host = SourceFields.text(server, "host");
    Matcher m = host == null ? null : HOST_PORT.matcher(host.strip());
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    ObjectNode access = access(protocol).put("host", m.group(1));
    String port = m.group(2) != null ? m.group(2) : SourceFields.text(server, "port");
    if (port != null && port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535) {
      access.put("port", Integer.parseInt(port));
    }
    String database = SourceFields.firstText(server, "database", "catalog");
    if (database != null) {
      access.put("database", database);
    }
    return Optional.of(access);
  }

  private static Optional<ObjectNode> kafka(JsonNode server, String object) {
    String host = SourceFields.text(server, "host");
    if (host == null || host.contains("@")) {
      return Optional.empty();
    }
    String first = host.split(",")[0].strip().replaceFirst("^[a-z][a-z0-9+.-]*://", "");
    String port = SourceFields.text(server, "port");
    String bootstrap = first.contains(":") || port == null ? first : first + ":" + port;
    if (!isUrl("kafka://" + bootstrap)) {
      return Optional.empty();
    }
    ObjectNode access =
        access("kafka")
            .put("url", "kafka://" + bootstrap)
            .put("topic", Optional.ofNullable(SourceFields.text(server, "topic")).orElse(object));
    format(server).ifPresent(f -> access.put("format", f));
    return Optional.of(access);
  }

  private static Optional<ObjectNode> location(JsonNode server, String type, String object) {
    String location = SourceFields.text(server, "location");
    Optional<String> format = format(server);
    if (location == null || (!type.equals("sftp") && format.isEmpty())) {
      return Optional.empty();
    }
    String url = location.replace("{model}", object);
    int wildcard = url.indexOf('*');
    if (wildcard >= 0) {
      url = url.substring(0, url.lastIndexOf('/', wildcard) + 1);
    }
    String protocol =
        switch (type) {
          case "gcs" -> "gcs";
          case "azure" -> "abfss";
          default -> type;
        };
    String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
    boolean fits =
        switch (protocol) {
          case "s3" -> scheme.equals("s3") || scheme.equals("s3a");
          case "gcs" -> scheme.equals("gs");
          case "abfss" -> scheme.equals("abfss");
          default -> scheme.equals("sftp");
        };
    String authority = url.contains("://") ? url.substring(url.indexOf("://") + 3) : "";
    if (!fits
        || authority.isEmpty()
        || authority.startsWith("/")
        || (!protocol.equals("abfss") && authority.split("/")[0].contains("@"))) {
      return Optional.empty();
    }
    ObjectNode access = access(protocol).put("url", url);
    format.ifPresent(f -> access.put("format", f));
    return Optional.of(access);
  }

  /** Whether the text parses as a URL with an authority, as the validator will require. */
  private static boolean isUrl(String text) {
    try {
      java.net.URI uri = new java.net.URI(text);
      return uri.getRawAuthority() != null && uri.getRawQuery() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static Optional<String> format(JsonNode server) {
    return Optional.ofNullable(lower(SourceFields.text(server, "format")))
        .filter(AccessFields.FORMATS::contains);
  }

  private static ObjectNode access(String protocol) {
    return JSON.objectNode().put("protocol", protocol);
  }

  private static String lower(String text) {
    return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
  }
}
