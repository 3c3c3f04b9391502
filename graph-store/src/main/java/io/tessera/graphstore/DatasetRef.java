package io.tessera.graphstore;

import java.util.Objects;

/** A dataset identified as OpenLineage identifies it: by namespace and name. */
public record DatasetRef(String namespace, String name) {
  public DatasetRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (namespace.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("dataset namespace and name must not be blank");
    }
  }

  /** The {@code namespace/name} form used as the dataset's {@code dct:identifier}. */
  public String identifier() {
    return namespace + "/" + name;
  }
}
