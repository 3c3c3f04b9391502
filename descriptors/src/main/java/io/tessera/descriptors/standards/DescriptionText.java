package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code spec.description} and {@code spec.purpose} derived from a standard's {@code
 * description} block ({@code purpose}, {@code usage}, {@code limitations}).
 *
 * <p>The purpose is kept as the purpose; the description repeats it and appends usage and
 * limitations as sentences, so that it reads on its own in listings and search results.
 *
 * @param description the composed description, or null
 * @param purpose the standard's purpose, or null
 */
record DescriptionText(String description, String purpose) {

  /** Reads a description block; a plain string is taken as the description. */
  static DescriptionText from(JsonNode block) {
    if (block == null || block.isNull()) {
      return new DescriptionText(null, null);
    }
    if (block.isValueNode()) {
      String text = block.asText().strip();
      return new DescriptionText(text.isEmpty() ? null : text, null);
    }
    String purpose = SourceFields.text(block, "purpose");
    List<String> sentences = new ArrayList<>();
    addSentence(sentences, "", purpose);
    addSentence(sentences, "Usage: ", SourceFields.text(block, "usage"));
    addSentence(sentences, "Limitations: ", SourceFields.text(block, "limitations"));
    String description = sentences.isEmpty() ? null : String.join(" ", sentences);
    return new DescriptionText(description, purpose);
  }

  private static void addSentence(List<String> sentences, String label, String text) {
    if (text == null) {
      return;
    }
    boolean terminated = text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
    sentences.add(label + text + (terminated ? "" : "."));
  }
}
