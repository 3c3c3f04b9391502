package io.tessera.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tessera.cli.files.DescriptorFiles;
import io.tessera.cli.files.DocumentSet;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The four formats of an impact answer shaped like the server's contract. */
class ImpactFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path IMPACT = Path.of("src/test/resources/impact");
  private static final Path SALES = IMPACT.resolve("repo/sales.yaml");

  private ImpactReport report;

  @BeforeEach
  void readAnswer() throws Exception {
    JsonNode answer = JSON.readTree(IMPACT.resolve("orders-retyped.json").toFile());
    DescriptorFiles files = new DescriptorFiles();
    DocumentSet set = files.read(files.find(List.of(IMPACT.resolve("repo"))));
    report = new ImpactReport(answer, set);
  }

  private String write(ImpactFormat format) {
    StringWriter text = new StringWriter();
    format.write(report, new PrintWriter(text));
    return text.toString();
  }

  @Test
  void shouldPointAtTheLineOfTheRetypedColumnsType() {
    JsonNode orders = report.documents().get(0);

    assertThat(report.line(orders, orders.path("breakingChanges").get(0))).isEqualTo(14);
    assertThat(report.line(orders, orders.path("breakingChanges").get(1)))
        .as("a removed column: the port's schema")
        .isEqualTo(11);
    assertThat(report.breakingChangeCount()).isEqualTo(3);
  }

  @Test
  void shouldListEachBreakingChangeWithItsConsumersAsText() {
    assertThat(write(ImpactFormat.TEXT).lines())
        .containsExactly(
            "sales/orders (" + SALES + ", document 1): 2 breaking changes",
            "  column-retyped (line 14): column net_amount of port orders-table changes type from"
                + " decimal to string",
            "    affects job ns/job (domain finance; reads net_amount)",
            "    affects product finance/revenue",
            "    affects agreement alice@x (purpose: month-end, close)",
            "    affects interest bob@x",
            "  column-removed (line 11): column vat_amount of port orders-table is removed",
            "    no known consumer",
            "sales/old-forecast (deleted): 1 breaking change",
            "  product-deleted: product sales/old-forecast is deleted",
            "    affects interest carol@x",
            "3 breaking change(s), 4 affected consumer(s)");
  }

  @Test
  void shouldAddFileDocumentNumberAndLinesToTheServersJson() throws Exception {
    JsonNode json = JSON.readTree(write(ImpactFormat.JSON));

    JsonNode orders = json.path("documents").get(0);
    assertThat(orders.path("file").asText()).isEqualTo(SALES.toString());
    assertThat(orders.path("documentNumber").asInt()).isEqualTo(1);
    assertThat(orders.path("line").asInt()).isEqualTo(1);
    assertThat(orders.path("breakingChanges").get(0).path("line").asInt()).isEqualTo(14);
    assertThat(orders.path("breakingChanges").get(0).path("consumers")).hasSize(4);
    assertThat(json.path("documents").get(1).path("documentNumber").asInt()).isEqualTo(2);
    assertThat(json.path("documents").get(2).has("file")).isFalse();
    assertThat(json.path("affectedConsumers").asInt()).isEqualTo(4);
  }

  @Test
  void shouldWriteJunitXmlWithATestcasePerDocumentAndAFailurePerBreakingChange() throws Exception {
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    write(ImpactFormat.JUNIT).getBytes(StandardCharsets.UTF_8)));

    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("3");
    assertThat(cases.getLength()).isEqualTo(3);
    Element orders = (Element) cases.item(0);
    assertThat(orders.getAttribute("name")).isEqualTo("DataProduct sales/orders");
    assertThat(orders.getAttribute("classname")).isEqualTo(SALES.toString());
    NodeList failures = orders.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(2);
    Element first = (Element) failures.item(0);
    assertThat(first.getAttribute("type")).isEqualTo("column-retyped");
    assertThat(first.getTextContent())
        .contains(SALES + ":14")
        .contains("affects job ns/job (domain finance; reads net_amount)");
    assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
    assertThat(((Element) cases.item(2)).getAttribute("classname")).isEqualTo("deleted products");
  }

  @Test
  void shouldWriteGithubWorkflowCommandsWithEscapedProperties() {
    List<String> lines = write(ImpactFormat.GITHUB).lines().toList();
    Pattern error = Pattern.compile("^::error (?:file=([^,]+),line=(\\d+),)?title=([^:]+)::(.+)$");

    assertThat(lines).hasSize(3).allMatch(l -> error.matcher(l).matches());
    Matcher first = error.matcher(lines.get(0));
    assertThat(first.matches()).isTrue();
    assertThat(first.group(1)).isEqualTo(SALES.toString());
    assertThat(first.group(2)).isEqualTo("14");
    assertThat(first.group(3)).isEqualTo("breaking change in sales/orders%3A column-retyped");
    assertThat(first.group(4))
        .startsWith("column net_amount of port orders-table changes type from decimal to string;")
        .contains("agreement alice@x (purpose: month-end, close)");
    Matcher deleted = error.matcher(lines.get(2));
    assertThat(deleted.matches()).isTrue();
    assertThat(deleted.group(1)).isNull();
  }

  @Test
  void shouldNameFilesRelativeToTheGithubWorkspaceInAnnotations() {
    report = new ImpactReport(report.answer(), report.sources(), Path.of("src/test"));

    String first = write(ImpactFormat.GITHUB).lines().findFirst().orElseThrow();

    assertThat(first).startsWith("::error file=resources/impact/repo/sales.yaml,line=14,");
    assertThat(report.annotationPath(Path.of("/elsewhere/x.yaml"))).isEqualTo("/elsewhere/x.yaml");
  }

  @Test
  void shouldSayNothingBreaksWhenTheAnswerHasNoBreakingChange() throws Exception {
    report =
        new ImpactReport(
            JSON.readTree("{\"breaking\":false,\"affectedConsumers\":0,\"documents\":[]}"),
            new DocumentSet(List.of()));

    assertThat(write(ImpactFormat.TEXT)).isEqualTo("no breaking changes\n");
    assertThat(write(ImpactFormat.GITHUB))
        .isEqualTo("::notice title=tessera check-breaking::no breaking changes\n");
    assertThat(GithubEscapes.data("100%\nnext")).isEqualTo("100%25%0Anext");
  }

  /** The escapes, reachable from the test. */
  private static final class GithubEscapes {
    static String data(String text) {
      return ImpactGithub.data(text);
    }
  }
}
