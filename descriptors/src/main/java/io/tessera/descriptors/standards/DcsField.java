package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Data Contract Specification field with its {@code $ref} chain resolved: the field's own keys
 * first, then those of the definition it refers to (and of the definition that one refers to), so
 * that a field may override what its definition says. Every value is read together with the path it
 * came from, so that an error in a definition names the definition.
 *
 * @param layers the field itself, then each definition it refers to, in order
 */
record DcsField(List<Layer> layers) {

  DcsField {
    layers = List.copyOf(layers);
  }

  /**
   * One mapping of the chain.
   *
   * @param node the field or definition
   * @param path its path in the source document, e.g. {@code definitions.order_id}
   * @param definition the definition's name, or null for the field itself
   */
  record Layer(JsonNode node, String path, String definition) {}

  /** The field's own path. */
  String path() {
    return layers.get(0).path();
  }

  /** The names of the definitions the field refers to, directly or through other definitions. */
  List<String> definitions() {
    return layers.stream().skip(1).map(Layer::definition).toList();
  }

  /** The first layer that sets {@code key} (non-null), else the field itself. */
  Layer layerOf(String key) {
    for (Layer layer : layers) {
      JsonNode value = layer.node().get(key);
      if (value != null && !value.isNull()) {
        return layer;
      }
    }
    return layers.get(0);
  }

  /** The value of {@code key} where the chain first sets it; null when none does. */
  JsonNode get(String key) {
    JsonNode value = layerOf(key).node().get(key);
    return value == null || value.isNull() ? null : value;
  }

  /** Reads {@code key} as text where the chain first sets it ({@link SourceChecks#text}). */
  String text(String key) {
    Layer layer = layerOf(key);
    return SourceChecks.text(layer.node(), key, layer.path());
  }

  /** Reads {@code key} as a boolean where the chain first sets it ({@link SourceChecks#flag}). */
  boolean flag(String key) {
    Layer layer = layerOf(key);
    return SourceChecks.flag(layer.node(), key, layer.path());
  }

  /** The path of {@code key} where the chain first sets it. */
  String pathOf(String key) {
    return SourceChecks.member(layerOf(key).path(), key);
  }
}
