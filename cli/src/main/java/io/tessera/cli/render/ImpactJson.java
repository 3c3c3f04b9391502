package io.tessera.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * The server's answer as it is, each document with {@code file}, {@code documentNumber} and {@code
 * line}, and each breaking change with the {@code line} of its field.
 */
final class ImpactJson implements ImpactFormat.Writer {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void write(ImpactReport report, PrintWriter out) {
    ObjectNode answer = report.answer().deepCopy();
    for (JsonNode doc : answer.path("documents")) {
      report
          .source(doc)
          .ifPresent(
              source -> {
                ObjectNode enriched = (ObjectNode) doc;
                enriched.put("file", source.file().toString());
                enriched.put("documentNumber", source.number());
                enriched.put("line", source.line());
                for (JsonNode change : doc.path("breakingChanges")) {
                  ((ObjectNode) change).put("line", report.line(doc, change));
                }
              });
    }
    try {
      out.println(JSON.writeValueAsString(answer));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the impact answer cannot be written as JSON", e);
    }
  }
}
