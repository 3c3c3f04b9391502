package io.tessera.graphstore;

/**
 * How a consumer reaches an output port: the protocol and server (a URL, or host, port and
 * database), the format of the data, and for topics and APIs the topic or path. Never credentials.
 *
 * @param protocol e.g. {@code postgres}, {@code kafka}, {@code s3}, {@code https}
 * @param url the endpoint as declared, or null when given as host, port and database
 * @param host the server's host when declared without a URL, or null
 * @param port the server's TCP port, or null
 * @param database the database (BigQuery: project) to connect to, or null
 * @param format e.g. {@code parquet}, {@code avro}, {@code json}, or null
 * @param topic the topic of a streaming port, or null
 * @param path the path of an API or file port below the endpoint, or null
 * @param documentation a web page documenting how to use the port, or null
 */
public record PortAccess(
    String protocol,
    String url,
    String host,
    Integer port,
    String database,
    String format,
    String topic,
    String path,
    String documentation) {

  /**
   * The endpoint a consumer connects to: the declared URL, else {@code protocol://host[:port]} with
   * {@code /database} when there is one, else {@code protocol:database} (e.g. a BigQuery project).
   */
  public String endpoint() {
    if (url != null) {
      return url;
    }
    if (host != null) {
      return protocol
          + "://"
          + host
          + (port == null ? "" : ":" + port)
          + (database == null ? "" : "/" + database);
    }
    return protocol + ":" + (database == null ? "" : database);
  }
}
