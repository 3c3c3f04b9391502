package io.tessera.descriptors.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names datasets in object stores and file systems from an ODCS server {@code location} or {@code
 * path}, following the OpenLineage naming conventions: namespace {@code s3://{bucket}}, {@code
 * gs://{bucket}}, {@code abfss://{container}@{service}...}, {@code file://{host}} (remote files) or
 * {@code file} (local files); name = the object key or path.
 *
 * <p>A {@code {model}} placeholder in the location is replaced by the schema object's physical
 * name, and the path is cut before its first wildcard segment ({@code *.json}); a location that
 * names no path inside its bucket yields the schema object's physical name.
 */
final class LocationNaming {

  private static final Pattern URL = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/]*)(.*)$");
  private static final Pattern WILDCARD = Pattern.compile("[*?\\[{]");

  private LocationNaming() {}

  /**
   * Names {@code table} under a location URL.
   *
   * @param location e.g. {@code s3://bucket/orders/{model}/*.json}
   * @param serverPath the server's path in the source document, for errors
   * @param table the schema object's physical name
   */
  static DatasetIdentity fromLocation(String location, String serverPath, String table) {
    Matcher url = URL.matcher(location);
    if (!url.matches() || url.group(2).isEmpty()) {
      throw new StandardImportException(
          serverPath + ".location",
          "must be a URL such as s3://bucket/path to name the dataset, was '" + location + "'");
    }
    String scheme = url.group(1).toLowerCase(Locale.ROOT);
    String authority = url.group(2);
    String namespace =
        switch (scheme) {
          case "s3", "s3a", "s3n" -> "s3://" + authority;
          case "gs", "gcs" -> "gs://" + authority;
          case "sftp", "ftp", "ftps" ->
              "file://" + authority.replaceFirst("^.*@", "").replaceFirst(":\\d+$", "");
          default -> scheme + "://" + authority;
        };
    return new DatasetIdentity(namespace, objectKey(url.group(3), table, false));
  }

  /** Names {@code table} under a local file system path; the namespace is {@code file}. */
  static DatasetIdentity fromLocalPath(String path, String table) {
    return new DatasetIdentity("file", objectKey(path, table, path.startsWith("/")));
  }

  private static String objectKey(String path, String table, boolean absolute) {
    List<String> kept = new ArrayList<>();
    for (String segment : path.replace("{model}", table).split("/")) {
      if (WILDCARD.matcher(segment).find()) {
        break;
      }
      if (!segment.isEmpty()) {
        kept.add(segment);
      }
    }
    if (kept.isEmpty()) {
      return table;
    }
    return (absolute ? "/" : "") + String.join("/", kept);
  }
}
