package io.tessera.catalogserver.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.lineage.LineageProjection;
import io.tessera.graphstore.GraphStore;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The catalog UI in headless Chromium against the server with the demo catalog: search with facets
 * and typeahead, a product page, lineage, a domain page, the no-code form with the server's field
 * errors, and sign-in.
 *
 * <p>What an anonymous reader may not see is decided by {@link HidingAccessScopes} here (the
 * finance/invoices product and its dataset's lineage are hidden unless the reveal token is sent):
 * it stands in for tokens and policies, which the sign-in test will use once they exist.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogUiIT implements TestPropertyProvider {
  private static final String REVEAL_TOKEN = "ui-test-reveal-4711";
  private static final String ORDERS =
      "dataset:postgres://warehouse.internal:5432:sales.public.orders";
  private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)");

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;
  @Inject RecordedAuthorization recorded;

  @Inject
  @Client("/")
  HttpClient http;

  private Browser browser;

  @Override
  public Map<String, String> getProperties() {
    try {
      return Map.of(
          "tessera.data-dir", Files.createTempDirectory("tessera-ui-it").toString(),
          "tessera.demo", "true",
          "micronaut.server.port", "-1",
          "tessera.ui-test.record-authorization", "true",
          "tessera.ui-test.hidden-product", "finance/invoices",
          "tessera.ui-test.hidden-dataset",
              "postgres://finance-db.internal:5432 finance.public.invoices",
          "tessera.ui-test.reveal-token", REVEAL_TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void startBrowserOnTheDemoCatalog() throws InterruptedException {
    String missing = Browser.missing();
    assumeTrue(missing == null, missing);
    assertThat(projection.awaitProjected(projection.status().journal(), Duration.ofSeconds(120)))
        .as("demo lineage projected")
        .isTrue();
    long revision;
    do {
      revision = store.revision();
      assertThat(index.awaitRevision(revision, Duration.ofSeconds(120))).isTrue();
    } while (store.revision() != revision);
    browser = Browser.open(server.getURL().toString());
  }

  @AfterAll
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.go("#/");
    browser.script("sessionStorage.clear(); localStorage.clear();");
    browser.driver().navigate().refresh();
    browser.await(By.id("signin-button"));
    recorded.clear();
  }

  @Test
  void shouldFilterByAFacetKeepTheSearchInTheUrlAndOpenAProduct() {
    browser.go("#/search?q=orders");
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "for “orders”"));
    long products =
        count(
            browser.until(
                d -> d.findElement(By.cssSelector("label[for='facet-type-product']")).getText()));
    assertThat(products).isGreaterThan(1);
    browser.screenshot("search");

    browser.click(By.id("facet-type-product"));
    browser.until(d -> browser.route().contains("type=product"));
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("result-count"), "of " + products + " results"));
    List<WebElement> hits = browser.driver().findElements(By.cssSelector("#results .hit"));
    assertThat(hits).isNotEmpty();
    assertThat(hits)
        .allSatisfy(hit -> assertThat(hit.getDomAttribute("data-type")).isEqualTo("product"));
    assertThat(browser.driver().findElement(By.id("facet-type-product")).isSelected()).isTrue();

    // a shared link opens the same search
    String shared = browser.route();
    browser.go("#/domains");
    browser.await(By.cssSelector(".cards"));
    browser.go(shared);
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("result-count"), "of " + products + " results"));
    assertThat(browser.await(By.id("search-input")).getDomProperty("value")).isEqualTo("orders");

    browser.click(By.linkText("Customer Orders"));
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Customer Orders"));
    assertThat(browser.route()).isEqualTo("#/product/sales/orders");

    browser.driver().navigate().back();
    browser.until(d -> browser.route().contains("type=product"));
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("result-count"), "of " + products + " results"));
  }

  @Test
  void shouldShowAProductWithItsStatePortsSchemaObservationAndHistory() {
    browser.go("#/product/sales/orders");
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Customer Orders"));
    assertThat(browser.await(By.cssSelector(".status-line .badge-physical")).getText())
        .isEqualToIgnoringCase("physical");
    assertThat(browser.await(By.id("physical-since")).getText()).startsWith("Physical since");
    WebElement port = browser.await(By.cssSelector("#output-ports [data-port='orders-table']"));
    assertThat(port.getText())
        .contains("postgres://warehouse.internal:5432", "sales.public.orders", "bound");
    assertThat(port.findElements(By.cssSelector("table.schema tbody tr"))).hasSizeGreaterThan(5);
    assertThat(port.findElement(By.cssSelector("table.schema")).getText()).contains("order_id");
    assertThat(browser.await(By.id("observation")).getText())
        .contains("Promised but not produced yet", "sales.orders.changes");
    assertThat(browser.await(By.id("revisions")).getText()).contains("Revision 1: created");
    browser.screenshot("product");
  }

  @Test
  void shouldSuggestWhileTypingAndOpenASuggestionWithTheKeyboard() {
    browser.go("#/");
    WebElement input = browser.await(By.id("search-input"));
    input.sendKeys("shipm");
    browser.await(By.cssSelector("#search-suggestions [role=option]"));
    assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");
    List<WebElement> options =
        browser.driver().findElements(By.cssSelector("#search-suggestions [role=option]"));
    int shipments = -1;
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).getText().startsWith("Parcel Shipments")
          || options.get(i).getText().startsWith("Shipments")) {
        shipments = i;
        break;
      }
    }
    assertThat(shipments).as("a shipments product among %s", texts(options)).isNotNegative();
    for (int i = 0; i <= shipments; i++) {
      input.sendKeys(Keys.ARROW_DOWN);
    }
    assertThat(input.getDomAttribute("aria-activedescendant")).isEqualTo("suggestion-" + shipments);
    input.sendKeys(Keys.ENTER);
    browser.until(d -> browser.route().equals("#/product/logistics/shipments"));
    browser.await(By.id("product-title"));
  }

  @Test
  void shouldFollowLineageFromAProductWithRestrictedNodesDirectionDepthAndColumns() {
    browser.go("#/product/sales/orders");
    browser.click(By.id("product-lineage"));
    WebElement graph = browser.await(By.cssSelector("#lineage-graph[data-nodes]"));
    int both = Integer.parseInt(graph.getDomAttribute("data-nodes"));
    assertThat(both).isGreaterThan(5);
    assertThat(graph.getDomAttribute("data-restricted")).isEqualTo("1");
    browser.click(By.cssSelector("#lineage-list summary"));
    String listed = browser.await(By.id("lineage-list")).getText();
    assertThat(listed)
        .contains("Restricted node", "sales.public.order_lines", "sales.orders.changes");
    assertThat(listed).doesNotContain("finance.public.invoices");
    browser.screenshot("lineage");

    new Select(browser.await(By.id("lineage-direction"))).selectByValue("upstream");
    WebElement depth = browser.await(By.id("lineage-depth"));
    depth.clear();
    depth.sendKeys("1");
    browser.click(By.cssSelector("#lineage-controls button[type=submit]"));
    browser.until(
        d -> browser.route().contains("direction=upstream") && browser.route().contains("depth=1"));
    browser.until(
        d -> {
          WebElement g = d.findElement(By.id("lineage-graph"));
          String nodes = g.getDomAttribute("data-nodes");
          return nodes != null && Integer.parseInt(nodes) < both ? g : null;
        });
    assertThat(browser.await(By.id("lineage-graph")).getDomAttribute("data-restricted"))
        .isEqualTo("0");

    browser.go("#/lineage?node=" + ORDERS + "&depth=2&direction=downstream");
    new Select(browser.await(By.id("lineage-field"))).selectByValue("order_id");
    browser.click(By.cssSelector("#lineage-controls button[type=submit]"));
    browser.until(d -> browser.route().contains("field=order_id"));
    browser.until(
        d ->
            d.findElement(By.cssSelector("#lineage-list summary"))
                .getText()
                .startsWith("Column derivations"));
    browser.click(By.cssSelector("#lineage-list summary"));
    String columns = browser.await(By.id("lineage-list")).getText();
    assertThat(columns)
        .contains("sales.public.orders.order_id → sales.public.order_lines.order_id");
    assertThat(columns)
        .as("a column of a dataset the reader may not read")
        .doesNotContain("finance.public.invoices");
  }

  @Test
  void shouldShowADomainsPlannedAndPhysicalCountsAndItsProducts() {
    browser.go("#/domain/sales");
    WebElement all = browser.await(By.cssSelector("#count-all .stat-number"));
    long planned =
        Long.parseLong(browser.await(By.cssSelector("#count-planned .stat-number")).getText());
    long physical =
        Long.parseLong(browser.await(By.cssSelector("#count-physical .stat-number")).getText());
    assertThat(planned).isPositive();
    assertThat(physical).isPositive();
    assertThat(planned + physical).isEqualTo(Long.parseLong(all.getText()));
    List<WebElement> rows =
        browser.driver().findElements(By.cssSelector("#domain-products tbody tr"));
    assertThat((long) rows.size()).isEqualTo(Math.min(20, planned + physical));
    assertThat(browser.await(By.id("unowned")).getText()).contains("Promised, not produced yet");
    browser.screenshot("domain");
  }

  @Test
  void shouldShowTheServersFieldErrorsNextToTheirFieldsThenCreateThePlannedProduct() {
    browser.go("#/new?domain=logistics");
    type("field-name", "parcel-lockers");
    type("field-title", "Parcel Lockers");
    type("field-description", "Every parcel locker, its location and how full it is.");
    type("field-owner", "Logistics team");
    type("field-port-0-name", "lockers-table");
    type("field-port-0-namespace", "postgres://warehouse.internal:5432");
    type("field-port-0-col-0-name", "locker_id");
    type("field-port-0-col-0-type", "string");
    browser.await(By.id("field-port-0-col-0-required")).click();
    assertThat(browser.await(By.id("descriptor-preview")).getText())
        .contains("name: parcel-lockers", "owner: Logistics team", "- name: locker_id");

    browser.await(By.id("dry-run")).click();
    browser.await(By.id("error-summary-box"));
    WebElement owner = browser.await(By.id("field-owner"));
    assertThat(owner.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(errorNextTo(owner)).contains("is not an absolute IRI");
    WebElement datasetName = browser.await(By.id("field-port-0-dataset"));
    assertThat(errorNextTo(datasetName)).contains("required");
    browser.screenshot("form", 1400);
    assertThat(status("/api/v1/products/logistics/parcel-lockers")).isEqualTo(404);

    WebElement ownerInput = browser.await(By.id("field-owner"));
    ownerInput.clear();
    ownerInput.sendKeys("lockers@acme-retail.example");
    type("field-port-0-dataset", "logistics.public.parcel_lockers");
    browser.await(By.id("dry-run")).click();
    assertThat(browser.await(By.id("dry-run-ok")).getText())
        .contains("would create logistics/parcel-lockers");
    assertThat(browser.driver().findElements(By.cssSelector("#product-form .field-error")))
        .isEmpty();
    assertThat(status("/api/v1/products/logistics/parcel-lockers")).isEqualTo(404);

    browser.await(By.id("apply")).click();
    assertThat(browser.await(By.id("apply-ok")).getText())
        .contains("logistics/parcel-lockers created");
    browser.await(By.id("open-product")).click();
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Parcel Lockers"));
    assertThat(browser.await(By.cssSelector(".status-line .badge-planned")).getText())
        .isEqualToIgnoringCase("planned");
    @SuppressWarnings("unchecked")
    Map<String, Object> product =
        http.toBlocking()
            .retrieve(HttpRequest.GET("/api/v1/products/logistics/parcel-lockers"), Map.class);
    assertThat(product)
        .containsEntry("state", "planned")
        .containsEntry("owner", "mailto:lockers@acme-retail.example");
  }

  @Test
  void shouldSendTheTokenAfterSignInAndShowWhatItMaySee() {
    browser.go("#/lineage?node=" + ORDERS + "&depth=2&direction=downstream");
    assertThat(
            browser
                .await(By.cssSelector("#lineage-graph[data-nodes]"))
                .getDomAttribute("data-restricted"))
        .isEqualTo("1");
    browser.go("#/search?q=invoices");
    browser.await(By.cssSelector("#results .hit"));
    assertThat(productLinks()).doesNotContain("#/product/finance/invoices");
    assertThat(recorded.seen())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.authorization()).isNull());

    browser.await(By.id("signin-button")).click();
    WebElement token = browser.await(By.id("signin-token"));
    assertThat(token.getDomAttribute("type")).isEqualTo("password");
    token.sendKeys(REVEAL_TOKEN);
    browser.await(By.id("signin-submit")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("signin-status"), "4711"));
    browser.until(d -> productLinks().contains("#/product/finance/invoices") ? true : null);
    assertThat(recorded.seen())
        .contains(new RecordedAuthorization.Seen("/api/v1/search", "Bearer " + REVEAL_TOKEN));
    assertThat(browser.script("return sessionStorage.getItem('tessera.token')"))
        .isEqualTo(REVEAL_TOKEN);
    assertThat(browser.script("return localStorage.length")).isEqualTo(0L);

    browser.go("#/lineage?node=" + ORDERS + "&depth=2&direction=downstream");
    browser.until(
        d -> "0".equals(d.findElement(By.id("lineage-graph")).getDomAttribute("data-restricted")));
    browser.click(By.cssSelector("#lineage-list summary"));
    assertThat(browser.await(By.id("lineage-list")).getText()).contains("finance.public.invoices");

    browser.click(By.id("signout-button"));
    browser.await(By.id("signin-button"));
    recorded.clear();
    browser.go("#/search?q=invoices");
    browser.until(d -> !recorded.seen().isEmpty());
    browser.await(By.cssSelector("#results .hit"));
    assertThat(productLinks()).doesNotContain("#/product/finance/invoices");
    assertThat(recorded.seen()).allSatisfy(s -> assertThat(s.authorization()).isNull());
  }

  private void type(String id, String text) {
    browser.await(By.id(id)).sendKeys(text);
  }

  private String errorNextTo(WebElement control) {
    String describedBy = control.getDomAttribute("aria-describedby");
    assertThat(describedBy)
        .as("aria-describedby of %s", control.getDomAttribute("id"))
        .contains("error-");
    String errorId =
        List.of(describedBy.split(" ")).stream()
            .filter(id -> id.startsWith("error-"))
            .findFirst()
            .orElseThrow();
    WebElement error = browser.driver().findElement(By.id(errorId));
    WebElement container =
        control.findElement(By.xpath("ancestor::*[contains(@class,'field') or self::td][1]"));
    assertThat(container.findElements(By.id(errorId)))
        .as("the error sits next to its field")
        .hasSize(1);
    return error.getText();
  }

  /** The result links, read in one script so a re-render cannot leave a stale element. */
  @SuppressWarnings("unchecked")
  private List<String> productLinks() {
    return (List<String>)
        browser.script(
            "return [...document.querySelectorAll('#results .hit-title a')]"
                + ".map(a => a.getAttribute('href'))");
  }

  private int status(String path) {
    try {
      HttpResponse<String> response =
          http.toBlocking().exchange(HttpRequest.GET(path), String.class);
      return response.code();
    } catch (HttpClientResponseException e) {
      return e.code();
    }
  }

  private static long count(String label) {
    Matcher m = COUNT.matcher(label);
    assertThat(m.find()).as("a count in '%s'", label).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(WebElement::getText).toList();
  }
}
