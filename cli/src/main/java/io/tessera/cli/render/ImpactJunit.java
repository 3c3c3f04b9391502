package io.tessera.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML as CI servers read it: one {@code testsuite}, a {@code testcase} per document (class
 * name its file), a {@code failure} per breaking change with the affected consumers as its text.
 */
final class ImpactJunit implements ImpactFormat.Writer {
  @Override
  public void write(ImpactReport report, PrintWriter out) {
    try {
      Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
      Element suites = xml.createElement("testsuites");
      xml.appendChild(suites);
      Element suite = xml.createElement("testsuite");
      suites.appendChild(suite);
      int failures = 0;
      List<JsonNode> documents = report.documents();
      for (JsonNode doc : documents) {
        Element testcase = xml.createElement("testcase");
        testcase.setAttribute("name", doc.path("kind").asText("") + " " + ImpactReport.name(doc));
        testcase.setAttribute(
            "classname",
            report.source(doc).map(s -> s.file().toString()).orElse("deleted products"));
        testcase.setAttribute("time", "0");
        for (JsonNode change : doc.path("breakingChanges")) {
          failures++;
          Element failure = xml.createElement("failure");
          failure.setAttribute("type", change.path("type").asText("breaking"));
          failure.setAttribute("message", change.path("message").asText(""));
          failure.setTextContent(details(report, doc, change));
          testcase.appendChild(failure);
        }
        suite.appendChild(testcase);
      }
      suite.setAttribute("name", "tessera check-breaking");
      suite.setAttribute("tests", Integer.toString(documents.size()));
      suite.setAttribute("failures", Integer.toString(failures));
      suite.setAttribute("errors", "0");
      suite.setAttribute("skipped", "0");
      suites.setAttribute("tests", Integer.toString(documents.size()));
      suites.setAttribute("failures", Integer.toString(failures));
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      StringWriter text = new StringWriter();
      transformer.transform(new DOMSource(xml), new StreamResult(text));
      out.println(text);
    } catch (ParserConfigurationException | TransformerException e) {
      throw new IllegalStateException("JUnit XML cannot be written", e);
    }
  }

  private static String details(ImpactReport report, JsonNode doc, JsonNode change) {
    List<String> lines = new ArrayList<>();
    report.source(doc).ifPresent(s -> lines.add(s.file() + ":" + report.line(doc, change)));
    lines.add(change.path("message").asText(""));
    JsonNode consumers = change.path("consumers");
    if (consumers.isEmpty()) {
      lines.add("no known consumer");
    }
    consumers.forEach(c -> lines.add("affects " + ImpactReport.consumer(c)));
    return String.join("\n", lines);
  }
}
