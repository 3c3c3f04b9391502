package io.tessera.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code check-breaking} on the demo catalog: the sales domain exported, the type of a column that
 * finance reads changed, one product file removed; every output format parsed back. Needs the
 * server's {@code POST /api/v1/descriptors/impact}.
 */
@ExtendWith(SharedServer.class)
class CheckBreakingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GITHUB_ERROR =
      Pattern.compile("^::error file=([^,]+),line=(\\d+),title=([^:]+)::(.+)$");

  private static URI server;

  @TempDir Path work;

  @BeforeAll
  static void server(URI url) {
    server = url;
  }

  private Tessera exportSales() throws Exception {
    Tessera tessera = Tessera.against(server, SharedServer.ADMIN_TOKEN, work);
    Tessera.Run export = tessera.run("export", "--domain", "sales", "-d", "repo");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    return tessera;
  }

  private void retypeNetAmount() throws Exception {
    Path orders = work.resolve("repo/sales/products/orders.yaml");
    String text = Files.readString(orders);
    int column = text.indexOf("name: net_amount");
    int type = text.indexOf("type: decimal", column);
    assertThat(column).isPositive();
    assertThat(type).isPositive();
    Files.writeString(orders, text.substring(0, type) + "type: string" + text.substring(type + 13));
  }

  @Test
  void shouldExitZeroWhenNothingBreaks() throws Exception {
    Tessera tessera = exportSales();

    Tessera.Run run = tessera.run("check-breaking", "-f", "repo");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("no breaking changes");
  }

  @Test
  void shouldListBreakingChangeWithConsumersInTextAndExitThree() throws Exception {
    Tessera tessera = exportSales();
    retypeNetAmount();

    Tessera.Run run = tessera.run("check-breaking", "-f", "repo");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out())
        .contains("sales/orders (repo/sales/products/orders.yaml, document 1)")
        .contains("column-retyped")
        .contains("net_amount")
        .contains("affects ");
  }

  @Test
  void shouldNameTheTwoJobsAndTheProductThatReadARetypedColumn() throws Exception {
    Tessera tessera = exportSales();
    Path lines = work.resolve("repo/sales/products/order-lines.yaml");
    String text = Files.readString(lines);
    int column = text.indexOf("name: list_price");
    int type = text.indexOf("type: decimal", column);
    assertThat(column).isPositive();
    Files.writeString(lines, text.substring(0, type) + "type: string" + text.substring(type + 13));

    Tessera.Run run = tessera.run("check-breaking", "-f", "repo", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    JsonNode answer = JSON.readTree(run.out());
    JsonNode change = null;
    for (JsonNode document : answer.path("documents")) {
      if ("order-lines".equals(document.path("name").asText())) {
        change = document.path("breakingChanges").get(0);
      }
    }
    assertThat(change).as(run.out()).isNotNull();
    assertThat(change.path("type").asText()).isEqualTo("column-retyped");
    assertThat(change.path("column").asText()).isEqualTo("list_price");
    List<String> consumers = new ArrayList<>();
    for (JsonNode consumer : change.path("consumers")) {
      consumers.add(consumer.path("kind").asText() + " " + consumer.path("name").asText());
    }
    assertThat(consumers)
        .containsExactlyInAnyOrder(
            "job acme-airflow/finance.invoices.invoices-table",
            "job acme-airflow/sales.daily-revenue.daily-revenue-mart",
            "product sales/daily-revenue");
  }

  @Test
  void shouldGiveTheServersAnswerWithFileNamesAsJson() throws Exception {
    Tessera tessera = exportSales();
    retypeNetAmount();

    Tessera.Run run = tessera.run("check-breaking", "-f", "repo", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    JsonNode answer = JSON.readTree(run.out());
    assertThat(answer.path("breaking").asBoolean()).isTrue();
    JsonNode orders = null;
    for (JsonNode doc : answer.path("documents")) {
      if (doc.path("name").asText().equals("orders")) {
        orders = doc;
      }
    }
    assertThat(orders).as(run.out()).isNotNull();
    assertThat(orders.path("file").asText()).isEqualTo("repo/sales/products/orders.yaml");
    assertThat(orders.path("documentNumber").asInt()).isEqualTo(1);
    JsonNode change = orders.path("breakingChanges").path(0);
    assertThat(change.path("type").asText()).isEqualTo("column-retyped");
    assertThat(change.path("column").asText()).isEqualTo("net_amount");
    assertThat(change.path("before").asText()).isEqualTo("decimal");
    assertThat(change.path("after").asText()).isEqualTo("string");
    assertThat(change.path("consumers")).isNotEmpty();
    assertThat(change.path("line").asInt()).isPositive();
  }

  @Test
  void shouldWriteJunitXmlThatAJunitReaderParses() throws Exception {
    Tessera tessera = exportSales();
    retypeNetAmount();

    Tessera.Run run = tessera.run("check-breaking", "-f", "repo", "--format", "junit");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    assertThat(Integer.parseInt(suite.getAttribute("failures"))).isPositive();
    NodeList cases = xml.getElementsByTagName("testcase");
    assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength());
    List<String> failingTypes = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      if (testcase.getAttribute("classname").endsWith("orders.yaml")) {
        NodeList failures = testcase.getElementsByTagName("failure");
        for (int f = 0; f < failures.getLength(); f++) {
          failingTypes.add(((Element) failures.item(f)).getAttribute("type"));
        }
      }
    }
    assertThat(failingTypes).contains("column-retyped");
  }

  @Test
  void shouldWriteGithubAnnotationsOnTheLineOfTheChangedColumn() throws Exception {
    Tessera tessera = exportSales();
    retypeNetAmount();
    List<String> lines = Files.readAllLines(work.resolve("repo/sales/products/orders.yaml"));

    Tessera.Run run = tessera.run("check-breaking", "-f", "repo", "--format", "github");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    var ordersError =
        run.lines().stream()
            .map(GITHUB_ERROR::matcher)
            .filter(m -> m.matches() && m.group(1).endsWith("sales/products/orders.yaml"))
            .findFirst();
    assertThat(ordersError).as(run.out()).isPresent();
    int line = Integer.parseInt(ordersError.get().group(2));
    assertThat(lines.get(line - 1)).contains("type: string");
    assertThat(ordersError.get().group(3)).contains("column-retyped");
    assertThat(ordersError.get().group(4)).contains("net_amount");
  }

  @Test
  void shouldCountProductsNoLongerDeclaredAsDeletedWithPrune() throws Exception {
    Tessera tessera = exportSales();
    Files.delete(work.resolve("repo/sales/products/sales-forecast.yaml"));

    Tessera.Run run = tessera.run("check-breaking", "-f", "repo", "--prune", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isIn(0, 3);
    JsonNode deleted = null;
    for (JsonNode doc : JSON.readTree(run.out()).path("documents")) {
      if (doc.path("name").asText().equals("sales-forecast")) {
        deleted = doc;
      }
    }
    assertThat(deleted).as(run.out()).isNotNull();
    assertThat(deleted.path("status").asText()).isEqualTo("deleted");
    assertThat(deleted.path("index").isNull()).isTrue();
    assertThat(deleted.has("file")).isFalse();
  }
}
