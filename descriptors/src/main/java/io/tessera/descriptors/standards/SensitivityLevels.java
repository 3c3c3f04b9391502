package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The product classification ({@code spec.classification}) a contract's columns imply: those of
 * their classifications that are sensitivity levels ({@code public}, {@code internal}, {@code
 * confidential}, {@code restricted}, {@code pii}, {@code sensitive}), in the order they first
 * appear. Other classifications stay on their columns only.
 */
final class SensitivityLevels {

  private static final Set<String> LEVELS =
      Set.of("public", "internal", "confidential", "restricted", "pii", "sensitive");

  private SensitivityLevels() {}

  /** Returns the sensitivity levels among the ports' column classifications (text or list). */
  static List<String> of(List<ProductDocument.OutputPort> ports) {
    Set<String> levels = new LinkedHashSet<>();
    for (ProductDocument.OutputPort port : ports) {
      for (ObjectNode column : port.schema()) {
        JsonNode classification = column.path("classification");
        if (classification.isTextual()) {
          add(levels, classification);
        } else {
          classification.forEach(value -> add(levels, value));
        }
      }
    }
    return List.copyOf(levels);
  }

  private static void add(Set<String> levels, JsonNode value) {
    if (value.isTextual() && LEVELS.contains(value.asText())) {
      levels.add(value.asText());
    }
  }
}
