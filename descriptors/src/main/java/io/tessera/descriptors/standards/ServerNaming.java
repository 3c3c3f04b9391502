package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names the dataset a data contract's server holds for one schema object, following the OpenLineage
 * dataset naming conventions ({@code postgres://{host}:{port}} + {@code
 * {database}.{schema}.{table}}, {@code kafka://{host}:{port}} + {@code {topic}}, ...).
 *
 * <p>Object stores and file systems ({@code s3}, {@code gcs}, {@code azure}, {@code sftp}, {@code
 * local}) are named by {@link LocationNaming}. An {@code api} server serves no OpenLineage dataset,
 * so its ports have none.
 */
final class ServerNaming {

  /** The ODCS server types that can be named, for error messages and tests. */
  static final List<String> SUPPORTED_TYPES =
      List.of(
          "api",
          "athena",
          "azure",
          "bigquery",
          "databricks",
          "db2",
          "gcs",
          "hive",
          "kafka",
          "local",
          "mysql",
          "oracle",
          "postgres",
          "postgresql",
          "pubsub",
          "redshift",
          "s3",
          "sftp",
          "snowflake",
          "sqlserver",
          "trino");

  private static final Pattern HAS_PORT = Pattern.compile("^(\\[[^]]*]|[^:\\[\\]]+):\\d+$");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+._-]*://");
  private static final String REDSHIFT_DOMAIN = ".redshift.amazonaws.com";

  private ServerNaming() {}

  /** Returns the port type a server type implies: topic, file, api or (by default) table. */
  static String portType(String serverType) {
    if (serverType == null) {
      return "table";
    }
    return switch (serverType.toLowerCase(Locale.ROOT)) {
      case "kafka", "kinesis", "pubsub" -> "topic";
      case "s3", "gcs", "azure", "local", "sftp" -> "file";
      case "api" -> "api";
      default -> "table";
    };
  }

  /**
   * Returns the OpenLineage identity of {@code table} on {@code server}.
   *
   * @param server the ODCS server object
   * @param path the server's path in the source document, e.g. {@code servers[0]}
   * @param table the schema object's physical name (or name)
   * @return the identity; empty for servers that hold no OpenLineage dataset ({@code api})
   * @throws StandardImportException when the type is unsupported or a needed field is missing
   */
  static Optional<DatasetIdentity> identity(JsonNode server, String path, String table) {
    String type = SourceFields.text(server, "type");
    if (type == null) {
      throw new StandardImportException(
          path + ".type", "required: the server type names the dataset's data source");
    }
    Server source = new Server(server, path, type.toLowerCase(Locale.ROOT));
    return switch (source.type()) {
      case "api" -> Optional.empty();
      case "postgres", "postgresql" ->
          named("postgres://" + source.hostPort(5432), source.path3("database", "schema", table));
      case "mysql" -> named("mysql://" + source.hostPort(3306), source.path2("database", table));
      case "sqlserver" ->
          named("mssql://" + source.hostPort(1433), source.path3("database", "schema", table));
      case "db2" ->
          named("db2://" + source.hostPort(50000), source.path3("database", "schema", table));
      case "trino" ->
          named("trino://" + source.hostPort(8080), source.path3("catalog", "schema", table));
      case "hive" -> named("hive://" + source.hostPort(9083), source.path2("database", table));
      case "oracle" -> named("oracle://" + source.hostPort(1521), oracleName(source, table));
      case "snowflake" ->
          named(
              "snowflake://" + source.required("account").toLowerCase(Locale.ROOT),
              source.path3("database", "schema", table));
      case "bigquery" -> named("bigquery", source.path3("project", "dataset", table));
      case "redshift" ->
          named(redshiftNamespace(source), source.path3("database", "schema", table));
      case "athena" -> athena(source, table);
      case "databricks" ->
          named(
              "unitycatalog://" + stripScheme(source.required("host")).replaceFirst("/.*$", ""),
              source.path3("catalog", "schema", table));
      case "kafka" -> named("kafka://" + kafkaBootstrap(source), table);
      case "pubsub" -> named("pubsub", "topic:" + source.required("project") + ":" + table);
      case "s3", "gcs", "azure", "sftp" ->
          Optional.of(LocationNaming.fromLocation(source.required("location"), path, table));
      case "local" -> Optional.of(LocationNaming.fromLocalPath(source.required("path"), table));
      default ->
          throw new StandardImportException(
              path + ".type",
              "unsupported server type '"
                  + type
                  + "': cannot name its datasets; supported server types: "
                  + String.join(", ", SUPPORTED_TYPES));
    };
  }

  private static Optional<DatasetIdentity> named(String namespace, String name) {
    return Optional.of(new DatasetIdentity(namespace, name));
  }

  private static String oracleName(Server source, String table) {
    String service = source.required("serviceName");
    String schema = SourceFields.text(source.node(), "schema");
    if (schema == null && !table.contains(".")) {
      throw new StandardImportException(
          source.path() + ".schema",
          "required for oracle servers (or a physicalName of the form schema.table)");
    }
    return schema == null ? service + "." + table : service + "." + schema + "." + table;
  }

  private static String redshiftNamespace(Server source) {
    String host = withoutPort(stripScheme(source.required("host")));
    String[] labels = host.split("\\.");
    String region = SourceFields.text(source.node(), "region");
    if (region == null && host.endsWith(REDSHIFT_DOMAIN) && labels.length >= 4) {
      region = labels[labels.length - 4];
    }
    if (region == null) {
      throw new StandardImportException(
          source.path() + ".region",
          "required for redshift servers whose host is not a *.redshift.amazonaws.com endpoint");
    }
    return "redshift://" + labels[0] + "." + region + ":" + source.port(5439);
  }

  private static Optional<DatasetIdentity> athena(Server source, String table) {
    String region = source.required("regionName");
    String catalog = SourceFields.text(source.node(), "catalog");
    return named(
        "awsathena://athena." + region + ".amazonaws.com",
        (catalog == null ? "awsdatacatalog" : catalog)
            + "."
            + source.required("schema")
            + "."
            + table);
  }

  private static String kafkaBootstrap(Server source) {
    String first = source.required("host").split(",")[0].strip();
    String host = stripScheme(first);
    String port = SourceFields.text(source.node(), "port");
    return HAS_PORT.matcher(host).matches() || port == null ? host : host + ":" + port;
  }

  private static String stripScheme(String host) {
    return SCHEME.matcher(host).replaceFirst("");
  }

  private static String withoutPort(String host) {
    return HAS_PORT.matcher(host).matches() ? host.substring(0, host.lastIndexOf(':')) : host;
  }

  /** An ODCS server being read, with its path for error messages. */
  private record Server(JsonNode node, String path, String type) {

    String required(String field) {
      String value = SourceFields.text(node, field);
      if (value == null) {
        throw new StandardImportException(
            path + "." + field, "required for " + type + " servers to name the dataset");
      }
      return value;
    }

    String port(int defaultPort) {
      String port = SourceFields.text(node, "port");
      return port == null ? String.valueOf(defaultPort) : port;
    }

    String hostPort(int defaultPort) {
      String host = stripScheme(required("host")).replaceFirst("/.*$", "");
      return HAS_PORT.matcher(host).matches() ? host : host + ":" + port(defaultPort);
    }

    String path2(String first, String table) {
      return required(first) + "." + table;
    }

    String path3(String first, String second, String table) {
      return required(first) + "." + required(second) + "." + table;
    }
  }
}
