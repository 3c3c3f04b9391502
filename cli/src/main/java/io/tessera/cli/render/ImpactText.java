package io.tessera.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** The impact report for people: each breaking change under its document, with its consumers. */
final class ImpactText implements ImpactFormat.Writer {
  @Override
  public void write(ImpactReport report, PrintWriter out) {
    for (JsonNode doc : report.documents()) {
      JsonNode changes = doc.path("breakingChanges");
      if (changes.isEmpty()) {
        continue;
      }
      String where =
          report
              .source(doc)
              .map(s -> s.file() + ", document " + s.number())
              .orElse(doc.path("status").asText("deleted"));
      out.println(
          ImpactReport.name(doc)
              + " ("
              + where
              + "): "
              + changes.size()
              + " breaking change"
              + (changes.size() == 1 ? "" : "s"));
      for (JsonNode change : changes) {
        int line = report.line(doc, change);
        out.println(
            "  "
                + change.path("type").asText("breaking")
                + (line > 0 ? " (line " + line + ")" : "")
                + ": "
                + change.path("message").asText(""));
        JsonNode consumers = change.path("consumers");
        if (consumers.isEmpty()) {
          out.println("    no known consumer");
        }
        for (JsonNode consumer : consumers) {
          out.println("    affects " + ImpactReport.consumer(consumer));
        }
      }
    }
    if (report.breaking()) {
      out.println(
          report.breakingChangeCount()
              + " breaking change(s), "
              + report.affectedConsumers()
              + " affected consumer(s)");
    } else {
      out.println("no breaking changes");
    }
  }
}
