package io.tessera.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands: {@code ::error file=…,line=…,title=…::message} per breaking
 * change (without {@code file} for a deleted product), a notice when nothing breaks.
 */
final class ImpactGithub implements ImpactFormat.Writer {
  @Override
  public void write(ImpactReport report, PrintWriter out) {
    for (JsonNode doc : report.documents()) {
      for (JsonNode change : doc.path("breakingChanges")) {
        List<String> properties = new ArrayList<>();
        report
            .source(doc)
            .ifPresent(
                s -> {
                  properties.add("file=" + property(report.annotationPath(s.file())));
                  properties.add("line=" + report.line(doc, change));
                });
        properties.add(
            "title="
                + property(
                    "breaking change in "
                        + ImpactReport.name(doc)
                        + ": "
                        + change.path("type").asText("breaking")));
        out.println("::error " + String.join(",", properties) + "::" + data(message(change)));
      }
    }
    if (!report.breaking()) {
      out.println("::notice title=tessera check-breaking::no breaking changes");
    }
  }

  private static String message(JsonNode change) {
    StringBuilder text = new StringBuilder(change.path("message").asText(""));
    JsonNode consumers = change.path("consumers");
    if (!consumers.isEmpty()) {
      List<String> names = new ArrayList<>();
      consumers.forEach(c -> names.add(ImpactReport.consumer(c)));
      text.append("; affects ").append(String.join(", ", names));
    }
    return text.toString();
  }

  /** Escapes a command's message, as the Actions toolkit does. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a command's property value, as the Actions toolkit does. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
