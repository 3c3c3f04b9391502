package io.tessera.lineage;

import java.util.List;

/**
 * Field-level lineage around one column.
 *
 * @param edges derivations: {@code to} was derived from {@code from}
 */
public record ColumnLineage(Field field, List<Edge> edges) {

  /** A column of a dataset. */
  public record Field(String namespace, String name, String field) {}

  /** One derivation with its transformation, as the producer described it. */
  public record Edge(
      Field from, Field to, String transformationType, String transformationSubtype) {}
}
