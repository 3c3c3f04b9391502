package io.tessera.graphstore;

import java.util.List;

/** One promised column of a port's schema. */
public record FieldDef(
    String name, String type, boolean required, String description, List<String> classification) {
  public FieldDef {
    classification = List.copyOf(classification);
  }
}
