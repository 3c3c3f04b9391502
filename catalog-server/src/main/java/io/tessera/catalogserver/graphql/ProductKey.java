package io.tessera.catalogserver.graphql;

/** A data product's natural key. */
record ProductKey(String domain, String name) {
  static ProductKey parse(String key) {
    String[] parts = key.split("/", 2);
    return new ProductKey(parts[0], parts.length > 1 ? parts[1] : "");
  }
}
