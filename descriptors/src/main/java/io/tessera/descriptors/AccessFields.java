package io.tessera.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import io.tessera.graphstore.PortAccess;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads an output port's {@code access} field by field and per protocol: {@code protocol}, the
 * server as {@code url} or as {@code host}/{@code port}/{@code database}, {@code format}, {@code
 * topic} (Kafka), {@code path} (HTTPS, SFTP) and {@code documentation}. Credentials are refused
 * wherever they could hide: a URL's user and password, and query parameters such as {@code
 * password=} or {@code sig=}.
 */
public final class AccessFields {
  private static final Set<String> ACCESS =
      Set.of(
          "protocol",
          "url",
          "host",
          "port",
          "database",
          "format",
          "topic",
          "path",
          "documentation");

  /** Each protocol and the URL schemes its endpoint may be written with. */
  static final Map<String, Set<String>> SCHEMES =
      Map.ofEntries(
          Map.entry("postgres", Set.of("postgres", "postgresql")),
          Map.entry("mysql", Set.of("mysql")),
          Map.entry("sqlserver", Set.of("sqlserver")),
          Map.entry("oracle", Set.of("oracle")),
          Map.entry("redshift", Set.of("redshift", "postgres", "postgresql")),
          Map.entry("trino", Set.of("trino", "https")),
          Map.entry("snowflake", Set.of("snowflake", "https")),
          Map.entry("bigquery", Set.of("bigquery", "https")),
          Map.entry("databricks", Set.of("databricks", "https")),
          Map.entry("kafka", Set.of("kafka")),
          Map.entry("s3", Set.of("s3", "s3a")),
          Map.entry("gcs", Set.of("gs")),
          Map.entry("abfss", Set.of("abfss")),
          Map.entry("https", Set.of("https")),
          Map.entry("sftp", Set.of("sftp")));

  /** The protocols whose data lives in object stores: they take a URL and a format. */
  private static final Set<String> OBJECT_STORES = Set.of("s3", "gcs", "abfss");

  /** Protocols reached as {@code protocol:project} without a host. */
  private static final Set<String> HOSTLESS = Set.of("bigquery");

  private static final Set<String> WITH_PATH = Set.of("https", "sftp");

  /** The formats a port may declare; the translators from the standards keep only these. */
  public static final List<String> FORMATS =
      List.of(
          "parquet",
          "delta",
          "iceberg",
          "hudi",
          "avro",
          "orc",
          "json",
          "jsonl",
          "csv",
          "xml",
          "protobuf",
          "arrow");

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)(^|[?&;])(password|passwd|pwd|secret|token|access_token|api_key|apikey|key"
              + "|sig|signature|x-amz-signature|x-amz-credential|sharedaccesssignature)=");

  private AccessFields() {}

  /** The port's access, null when it declares none or when a field is wrong (errors recorded). */
  static PortAccess access(JsonNode port, String portPath, FieldChecks e) {
    JsonNode node = port.path("access");
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    String path = portPath + ".access";
    if (!node.isObject()) {
      e.add(path, "must be a mapping with protocol and url (or host, port and database)");
      return null;
    }
    int before = e.out().size();
    e.unknown(node, path, ACCESS);
    String protocolText = e.text(node, path + ".protocol", true);
    String protocol = protocolText == null ? null : protocolText.toLowerCase(Locale.ROOT);
    if (protocol != null && !SCHEMES.containsKey(protocol)) {
      e.add(
          path + ".protocol",
          "unknown '" + protocolText + "'; expected one of " + String.join(", ", sorted()));
      protocol = null;
    }
    String url = e.text(node, path + ".url", false);
    String host = e.text(node, path + ".host", false);
    Integer portNumber = portNumber(node, path + ".port", e);
    String database = e.text(node, path + ".database", false);
    String format = format(node, path + ".format", e);
    String topic = e.text(node, path + ".topic", false);
    String subPath = e.text(node, path + ".path", false);
    String documentation = documentation(node, path + ".documentation", e);
    if (host != null && !HOST.matcher(host).matches()) {
      e.add(
          path + ".host",
          "'" + host + "' is not a host name; write only the host, e.g. warehouse.example.com");
    }
    if (url != null && host != null) {
      e.add(path + ".host", "give either url or host (with port and database), not both");
    }
    if (protocol != null) {
      if (url != null) {
        checkUrl(url, protocol, path + ".url", e);
      }
      perProtocol(protocol, url, host, database, format, topic, subPath, path, e);
    }
    if (e.out().size() > before || protocol == null) {
      return null;
    }
    return new PortAccess(
        protocol, url, host, portNumber, database, format, topic, subPath, documentation);
  }

  private static void perProtocol(
      String protocol,
      String url,
      String host,
      String database,
      String format,
      String topic,
      String subPath,
      String path,
      FieldChecks e) {
    if (OBJECT_STORES.contains(protocol) || protocol.equals("https")) {
      if (url == null) {
        e.add(
            path + ".url",
            "required for protocol "
                + protocol
                + " (e.g. "
                + example(protocol)
                + "); host and port do not apply");
      }
      if (host != null) {
        e.add(path + ".host", "not used by protocol " + protocol + "; give the url");
      }
    } else if (HOSTLESS.contains(protocol)) {
      if (url == null && database == null) {
        e.add(path + ".database", "required for protocol bigquery (the project), unless url given");
      }
    } else if (url == null && host == null) {
      e.add(path + ".host", "required for protocol " + protocol + " (or give the url)");
    }
    if (OBJECT_STORES.contains(protocol) && format == null) {
      e.add(path + ".format", "required for protocol " + protocol + " (e.g. parquet, delta)");
    }
    if (protocol.equals("kafka") && topic == null) {
      e.add(path + ".topic", "required for protocol kafka");
    }
    if (!protocol.equals("kafka") && topic != null) {
      e.add(path + ".topic", "only for protocol kafka");
    }
    if (subPath != null && !WITH_PATH.contains(protocol)) {
      e.add(path + ".path", "only for protocol https or sftp; write the path into the url");
    }
  }

  private static void checkUrl(String url, String protocol, String field, FieldChecks e) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException ex) {
      e.add(field, "'" + url + "' is not a URL: " + ex.getReason());
      return;
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null) {
      e.add(field, "'" + url + "' has no scheme; write it as " + example(protocol));
      return;
    }
    String raw = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    String user = raw.contains("@") ? raw.substring(0, raw.lastIndexOf('@')) : null;
    // abfss://container@account.dfs.core.windows.net names the container before the '@'
    boolean container = scheme.equals("abfss") && user != null && !user.contains(":");
    if (user != null && !container) {
      e.add(
          field,
          "must not carry credentials (user:password@): the catalog says where data lives, never"
              + " how to log in; consumers get credentials through an access request");
      return;
    }
    String query = uri.getRawQuery();
    if (query != null && SECRET_PARAMETER.matcher(query).find()) {
      e.add(
          field,
          "must not carry credentials in its query (password, token, key, signature); the catalog"
              + " never holds secrets");
      return;
    }
    if (!SCHEMES.get(protocol).contains(scheme)) {
      e.add(
          field,
          "the scheme '"
              + scheme
              + "' does not fit protocol "
              + protocol
              + "; expected "
              + String.join(" or ", new TreeSet<>(SCHEMES.get(protocol)))
              + "://…");
      return;
    }
    if (uri.isOpaque() || (uri.getHost() == null && raw.isEmpty())) {
      e.add(field, "'" + url + "' names no server; write it as " + example(protocol));
    }
  }

  private static Integer portNumber(JsonNode node, String field, FieldChecks e) {
    JsonNode value = node.path("port");
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      e.add(field, "must be a TCP port number from 1 to 65535");
      return null;
    }
    int n = value.asInt();
    if (n < 1 || n > 65535) {
      e.add(field, "must be a TCP port number from 1 to 65535; got " + n);
      return null;
    }
    return n;
  }

  private static String format(JsonNode node, String field, FieldChecks e) {
    String text = e.text(node, field, false);
    if (text == null) {
      return null;
    }
    String format = text.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(format)) {
      e.add(field, "unknown '" + text + "'; expected one of " + String.join(", ", FORMATS));
      return null;
    }
    return format;
  }

  private static String documentation(JsonNode node, String field, FieldChecks e) {
    String text = e.text(node, field, false);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null) {
        return text;
      }
    } catch (URISyntaxException ex) {
      // reported below
    }
    e.add(field, "'" + text + "' is not a web page; write a https:// address");
    return null;
  }

  private static String example(String protocol) {
    return switch (protocol) {
      case "s3" -> "s3://bucket/prefix/";
      case "gcs" -> "gs://bucket/prefix/";
      case "abfss" -> "abfss://container@account.dfs.core.windows.net/path/";
      case "https" -> "https://api.example.com/v1";
      case "kafka" -> "kafka://broker.example.com:9092";
      case "bigquery" -> "bigquery://project";
      default -> protocol + "://host.example.com:port/database";
    };
  }

  private static List<String> sorted() {
    return SCHEMES.keySet().stream().sorted().toList();
  }
}
