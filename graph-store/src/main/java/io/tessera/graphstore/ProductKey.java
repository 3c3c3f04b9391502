package io.tessera.graphstore;

/** A data product's natural key, {@code domain/name}. */
public record ProductKey(String domain, String name) {
  /** Parses {@code domain/name}; a key without a slash has an empty name. */
  public static ProductKey parse(String key) {
    String[] parts = key.split("/", 2);
    return new ProductKey(parts[0], parts.length > 1 ? parts[1] : "");
  }
}
