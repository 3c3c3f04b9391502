package io.tessera.catalogserver.graphql;

import java.util.List;

/**
 * A {@code Field} (a column of a promised or observed schema).
 *
 * @param owner the IRI of the schema or dataset the field belongs to, for its global id
 */
record FieldNode(
    String owner,
    String name,
    String type,
    boolean required,
    String description,
    List<String> classifications) {
  public String id() {
    return GlobalId.of("Field", owner, name);
  }
}
