package io.tessera.descriptors.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code spec.description} and {@code spec.purpose} derived from a standard's {@code
 * description} block ({@code purpose}, {@code usage}, {@code limitations}).
 *
 * <p>The purpose is kept as the purpose; the description repeats it and appends usage and
 * limitations as sentences, so that it reads on its own in listings and search results. A Data
 * Contract Specification document has no purpose: its {@code info.description} leads instead, and
 * the usage and limitations come from its {@code terms}.
 *
 * @param description the composed description, or null
 * @param purpose the standard's purpose, or null
 */
record DescriptionText(String description, String purpose) {

  private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+(?=\\n)");

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

  /**
   * Composes a description from a lead text and a contract's terms of use: the lead, then "Usage:
   * …" and "Limitations: …", blanks at line ends dropped; there is no purpose. The description is
   * null when all three are.
   */
  static DescriptionText withTerms(String lead, String usage, String limitations) {
    List<String> sentences = new ArrayList<>();
    addSentence(sentences, "", withoutTrailingBlanks(lead));
    addSentence(sentences, "Usage: ", withoutTrailingBlanks(usage));
    addSentence(sentences, "Limitations: ", withoutTrailingBlanks(limitations));
    return new DescriptionText(sentences.isEmpty() ? null : String.join(" ", sentences), null);
  }

  private static String withoutTrailingBlanks(String text) {
    return text == null ? null : TRAILING_BLANKS.matcher(text).replaceAll("");
  }

  private static void addSentence(List<String> sentences, String label, String text) {
    if (text == null) {
      return;
    }
    boolean terminated = text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
    sentences.add(label + text + (terminated ? "" : "."));
  }

  /**
   * Returns the standard's {@code description} block for a product: {@code purpose} is the
   * product's purpose, else its description, so that readers of the standard get the text.
   *
   * @return the block, or null when the product has neither
   */
  static ObjectNode block(String description, String purpose) {
    String text = purpose != null ? purpose : description;
    if (text == null) {
      return null;
    }
    ObjectNode block = JsonNodeFactory.instance.objectNode();
    block.put("purpose", text);
    return block;
  }
}
