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
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.IOException;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The catalog UI in headless Chromium against the server with the demo catalog: search with facets
 * and typeahead, a product page, lineage, a domain page, the no-code form with the server's field
 * errors and, for an edit, who it would break, and sign-in.
 *
 * <p>What a reader may see is decided by the demo's policies ({@code demo/policies.yaml}): the
 * restricted customer products, such as customer/customer-profiles, are only for principals with
 * {@code region=eu}; anonymous reads of everything else are on. The tokens the UI signs in with are
 * created through {@code POST /api/v1/tokens} by the tests' admin.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogUiIT implements TestPropertyProvider {
  private static final String ORDERS =
      "dataset:postgres://warehouse.internal:5432:sales.public.orders";
  private static final String RESTRICTED_PRODUCT = "#/product/customer/customer-profiles";
  private static final String RESTRICTED_DATASET = "crm.public.customers";
  private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)");

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  @Inject
  @Client("/")
  HttpClient http;

  private Browser browser;
  private String euReaderToken;
  private String logisticsOwnerToken;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-ui-it", "tessera.demo", "true");
  }

  @BeforeAll
  void startBrowserOnTheDemoCatalog() throws InterruptedException {
    String missing = Browser.missing();
    assumeTrue(missing == null, missing);
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
    euReaderToken =
        token(
            Map.of(
                "subject",
                "eu-analyst",
                "roles",
                List.of("consumer"),
                "attributes",
                Map.of("region", List.of("eu"))));
    logisticsOwnerToken =
        token(
            Map.of(
                "subject",
                "logistics-owner",
                "roles",
                List.of("domain-owner"),
                "domains",
                List.of("logistics")));
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
    browser.signOutAndForget();
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
    assertThat(browser.await(By.id("facet-state")).getText())
        .contains("Planned or physical", "planned", "physical");
    assertThat(browser.await(By.id("facet-lifecycle")).getText())
        .contains("Declared lifecycle", "consume")
        .doesNotContain("planned", "physical");

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
    // each revision is numbered by itself, newest first
    for (WebElement item : browser.driver().findElements(By.cssSelector("#revisions ol > li"))) {
      String summary = item.findElement(By.tagName("summary")).getText();
      assertThat(summary).startsWith("Revision " + item.getAttribute("value") + ":");
    }
    browser.screenshot("product");
  }

  @Test
  void shouldShowHowToConnectToAPortWithASnippetToCopy() {
    browser.go("#/product/sales/checkout-events");
    WebElement topic =
        browser.await(By.cssSelector("#output-ports [data-port='checkout-topic'] .access"));
    assertThat(topic.getText()).contains("kafka", "kafka://events.internal:9092", "avro");
    assertThat(topic.findElement(By.cssSelector("pre.connect-snippet")).getText())
        .contains(
            "bootstrap.servers=events.internal:9092",
            "--topic checkout.events.v2",
            "kafka-console-consumer.sh");
    topic.findElement(By.cssSelector("button")).click();
    browser.until(d -> !topic.findElement(By.cssSelector("[role='status']")).getText().isBlank());

    browser.go("#/product/sales/orders");
    WebElement table =
        browser.await(By.cssSelector("#output-ports [data-port='orders-table'] .access"));
    assertThat(table.findElement(By.cssSelector("pre.connect-snippet")).getText())
        .startsWith("psql -h warehouse.internal -p 5432 -d sales -U \"$USER\"")
        .doesNotContain("password");
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
  void shouldShowRecentlyPhysicalMostWantedAndDomainsOnTheHomePageInsteadOfEveryEntity() {
    // a reader's registered interest makes a planned product wanted
    http.toBlocking()
        .exchange(
            HttpRequest.PUT(
                    "/api/v1/products/customer/customer-segments/interest",
                    Map.of("useCase", "Retention offers per segment"))
                .bearerAuth(euReaderToken));

    // as that reader, who may see the product
    browser.go("#/");
    browser.signIn(euReaderToken);
    browser.await(By.id("recently-physical"));
    List<WebElement> physical =
        browser.driver().findElements(By.cssSelector("#recently-physical li[data-product]"));
    assertThat(physical).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(physical)
        .allSatisfy(
            item -> {
              assertThat(item.findElement(By.cssSelector("a[href^='#/product/']")).getText())
                  .isNotBlank();
              assertThat(item.findElement(By.tagName("time")).getDomAttribute("datetime"))
                  .isNotBlank();
            });
    WebElement wanted =
        browser.await(By.cssSelector("#most-wanted li[data-product='customer/customer-segments']"));
    assertThat(wanted.getText()).contains("1 interested");
    WebElement sales = browser.await(By.cssSelector("#home-domains li.card[data-domain='sales']"));
    String salesCounts = sales.findElement(By.className("domain-counts")).getText();
    assertThat(salesCounts).matches("(?s)[1-9]\\d* products.*\\d+ planned.*\\d+ physical.*");
    for (String heading : List.of("Recently physical", "Most wanted planned products", "Domains")) {
      assertThat(browser.driver().findElements(By.tagName("h2")))
          .extracting(WebElement::getText)
          .contains(heading);
    }
    // not every entity: no search results, no columns
    assertThat(browser.driver().findElements(By.cssSelector(".hit"))).isEmpty();
    assertThat(browser.driver().findElements(By.id("results"))).isEmpty();
    assertThat(browser.await(By.id("browse-everything")).getDomAttribute("href"))
        .isEqualTo("#/search");
    browser.screenshot("home");

    WebElement input = browser.await(By.id("search-input"));
    input.sendKeys("orders");
    input.sendKeys(Keys.ENTER);
    browser.until(d -> browser.route().startsWith("#/search?q=orders"));
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "for “orders”"));
    assertThat(browser.driver().findElements(By.cssSelector("#results .hit"))).isNotEmpty();
  }

  @Test
  void shouldFollowLineageFromAProductWithRestrictedNodesDirectionDepthAndColumns() {
    browser.go("#/product/sales/orders");
    browser.click(By.id("product-lineage"));
    WebElement graph = browser.await(By.cssSelector("#lineage-graph[data-nodes]"));
    int both = Integer.parseInt(graph.getDomAttribute("data-nodes"));
    assertThat(both).isGreaterThan(5);
    assertThat(Integer.parseInt(graph.getDomAttribute("data-restricted")))
        .as("the restricted customer datasets feeding Customer 360")
        .isPositive();
    browser.click(By.cssSelector("#lineage-list summary"));
    String listed = browser.await(By.id("lineage-list")).getText();
    assertThat(listed)
        .contains("Restricted node", "sales.public.order_lines", "sales.orders.changes");
    assertThat(listed).doesNotContain(RESTRICTED_DATASET).contains("Owned by sales/orders");
    assertThat(
            browser
                .await(By.cssSelector("#lineage-list a.owned-by[href='#/product/sales/orders']"))
                .getText())
        .isEqualTo("Owned by sales/orders");
    assertThat(browser.driver().findElements(By.cssSelector("#lineage-list li.restricted a")))
        .as("a restricted node links to no product")
        .isEmpty();
    browser.screenshot("lineage");
    assertThat(browser.await(By.id("lineage-legend")).getText())
        .contains("Where you started", "Dataset", "Job", "Restricted: something you may not see");
    assertThat(Double.parseDouble(graph.getDomAttribute("data-label-px")))
        .as("labels open at a readable size on screen")
        .isGreaterThanOrEqualTo(12.0);
    double opened = Double.parseDouble(graph.getDomAttribute("data-zoom"));
    browser.click(By.id("lineage-zoom-in"));
    browser.until(d -> zoom(d) > opened);
    browser.click(By.id("lineage-fit"));
    browser.until(
        d ->
            "true"
                .equals(d.findElement(By.id("lineage-graph")).getDomAttribute("data-all-visible")));

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
        .doesNotContain(RESTRICTED_DATASET);
    assertThat(browser.await(By.id("lineage-legend")).getText()).contains("The column you chose");

    browser.go("#/lineage?product=sales/orders");
    browser.await(By.cssSelector("#lineage-graph[data-nodes]"));
    new Select(browser.await(By.id("lineage-field")))
        .selectByVisibleText("Column sales.public.orders.order_id");
    browser.click(By.cssSelector("#lineage-controls button[type=submit]"));
    browser.until(
        d -> browser.route().contains("field=order_id") && !browser.route().contains("product="));
    browser.until(
        d ->
            d.findElement(By.cssSelector("#lineage-list summary"))
                .getText()
                .startsWith("Column derivations"));
  }

  private static double zoom(WebDriver driver) {
    String zoom = driver.findElement(By.id("lineage-graph")).getDomAttribute("data-zoom");
    return zoom == null ? 0 : Double.parseDouble(zoom);
  }

  @Test
  void shouldOpenADatasetHitOnItsPageWithOwnerColumnsJobsAndLineage() {
    browser.go("#/search?q=order lines&type=dataset");
    By hit =
        By.cssSelector(
            "#results .hit[data-type='dataset'] a[href*='name=sales.public.order_lines']");
    browser.click(hit);
    browser.until(ExpectedConditions.textToBe(By.id("dataset-title"), "sales.public.order_lines"));
    assertThat(browser.route()).startsWith("#/dataset?");
    assertThat(browser.await(By.id("dataset-namespace")).getText())
        .isEqualTo("postgres://warehouse.internal:5432");
    assertThat(browser.await(By.id("dataset-state")).getText()).isEqualToIgnoringCase("Observed");
    assertThat(
            browser
                .await(By.cssSelector("#dataset-product a[href='#/product/sales/order-lines']"))
                .getText())
        .isEqualTo("sales/order-lines");
    assertThat(browser.await(By.cssSelector("#dataset-columns table")).getText())
        .contains("list_price", "decimal", "Catalog price per unit");
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#dataset-producers tbody a[href^='#/lineage?']")))
        .isNotEmpty();
    assertThat(
            browser
                .driver()
                .findElements(By.cssSelector("#dataset-readers tbody a[href^='#/lineage?']")))
        .isNotEmpty();
    assertThat(browser.await(By.id("dataset-versions")).getText()).contains("Schema versions");
    browser.await(By.id("dataset-quality"));
    browser.screenshot("dataset");

    browser.click(By.linkText("Lineage around this dataset"));
    browser.until(d -> browser.route().startsWith("#/lineage?"));
    assertThat(browser.route()).contains("sales.public.order_lines");
    browser.await(By.cssSelector("#lineage-graph[data-nodes]"));
    browser.click(By.cssSelector("#lineage-list summary"));
    assertThat(browser.await(By.cssSelector("#lineage-list a.dataset-page")).getText())
        .isEqualTo("Dataset page");

    // anonymous: the restricted dataset is as missing as one that does not exist
    browser.go("#/dataset?namespace=postgres://crm-db.internal:5432&name=" + RESTRICTED_DATASET);
    browser.until(ExpectedConditions.textToBe(By.cssSelector("#main h1"), "Not found"));
    assertThat(browser.await(By.cssSelector(".problem[data-status='404']")).getText())
        .contains(RESTRICTED_DATASET)
        .doesNotContain("Customer");
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

    // the overview shows the same counts on the domain's card
    String total = all.getText();
    browser.go("#/domains");
    WebElement card = browser.await(By.cssSelector(".card[data-domain='sales'] .domain-counts"));
    assertThat(card.getText())
        .contains(total + " products")
        .contains(planned + " planned")
        .contains(physical + " physical");
  }

  @Test
  void
      shouldAskForSignInThenShowTheServersFieldErrorsNextToTheirFieldsAndCreateThePlannedProduct() {
    browser.go("#/new?domain=logistics");
    assertThat(browser.await(By.id("field-port-0-namespace")).getDomAttribute("list"))
        .isEqualTo("dataset-namespaces");
    browser.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(
                "#dataset-namespaces option[value='postgres://warehouse.internal:5432']")));
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

    // anonymous readers may not write: the server's 401 is shown, and what was typed stays
    browser.await(By.id("dry-run")).click();
    WebElement refused = browser.await(By.cssSelector("#error-summary-box .problem"));
    assertThat(refused.getDomAttribute("data-status")).isEqualTo("401");
    assertThat(refused.getText()).contains("Sign-in required", "needs you to sign in");

    browser.signIn(logisticsOwnerToken);
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("signin-status"), "logistics-owner"));
    assertThat(browser.await(By.id("field-name")).getDomProperty("value"))
        .isEqualTo("parcel-lockers");
    browser.await(By.id("dry-run")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("error-summary-box"), "The descriptor has problems"));
    WebElement owner = browser.await(By.id("field-owner"));
    assertThat(owner.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(errorNextTo(owner)).contains("is not a link");
    WebElement datasetName = browser.await(By.id("field-port-0-dataset"));
    assertThat(errorNextTo(datasetName)).contains("required");
    browser.screenshot("form", 1400);
    assertThat(status("/api/v1/products/logistics/parcel-lockers")).isEqualTo(404);

    WebElement ownerInput = browser.await(By.id("field-owner"));
    ownerInput.clear();
    ownerInput.sendKeys("lockers@acme-retail.example");
    type("field-port-0-dataset", "logistics.public.parcel_lockers");

    // a reader of another role may not write the logistics domain: the server's 403 is shown
    browser.click(By.id("signout-button"));
    browser.signIn(euReaderToken);
    browser.await(By.id("dry-run")).click();
    WebElement forbidden =
        browser.await(By.cssSelector("#error-summary-box .problem[data-status='403']"));
    assertThat(forbidden.getText())
        .contains("Not allowed", "missing permission: domain-owner of logistics");
    browser.click(By.id("signout-button"));
    browser.signIn(logisticsOwnerToken);
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
  void shouldSendTheSignedInTokenFromGraphiqlAndSayWhereATokenGoes() {
    String query = "{ product(domain: \"customer\", name: \"customer-profiles\") { title } }";
    browser.go("graphiql");
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("graphiql-auth"), "Not signed in"));
    assertThat(browser.await(By.id("graphiql-auth")).getText()).contains("Authorization");
    assertThat(runInGraphiql(query)).contains("\"product\": null");

    browser.go("#/");
    browser.signIn(euReaderToken);
    browser.go("graphiql");
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("graphiql-auth"), "Signed in"));
    assertThat(runInGraphiql(query)).contains("Customer Profiles");
  }

  /** Puts the query into GraphiQL's editor, runs it and answers the response pane's text. */
  private String runInGraphiql(String query) {
    browser.await(By.cssSelector(".graphiql-query-editor .CodeMirror"));
    browser.script(
        "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0])",
        query);
    browser.click(By.cssSelector(".graphiql-execute-button"));
    return browser.until(
        d -> {
          String text = d.findElement(By.cssSelector(".graphiql-response")).getText();
          return text.contains("\"data\"") ? text : null;
        });
  }

  @Test
  void shouldShowInTheDryRunWhoAnEditWouldBreak() {
    browser.signIn(logisticsOwnerToken);
    browser.go("#/edit/logistics/shipments");
    browser.replaceText("field-port-0-col-1-type", "integer");
    browser.await(By.id("dry-run")).click();
    WebElement impact = browser.await(By.id("impact-list"));
    assertThat(browser.await(By.id("impact-heading")).getText())
        .isEqualTo("Who this change would break");
    assertThat(impact.findElement(By.tagName("h3")).getText())
        .isEqualTo("column order_id of port shipments-table changes type from string to integer");
    assertThat(impact.getText()).contains("Data product logistics/returns declares it as an input");
    browser.script("arguments[0].scrollIntoView()", browser.await(By.id("impact")));
    browser.screenshot("impact");

    browser.replaceText("field-port-0-col-1-type", "string");
    browser.replaceText("field-port-0-col-1-description", "Order number, as sales assigns it");
    browser.await(By.id("dry-run")).click();
    assertThat(browser.await(By.id("impact-none")).getText()).startsWith("No consumer would break");
  }

  @Test
  void shouldShowWhatTheSignedInTokenMaySeeAndKeepItInTheTabOnly() {
    // anonymous: the restricted product is as missing as a product that does not exist
    browser.go("#/search?q=customer profiles");
    browser.await(By.cssSelector("#results .hit"));
    assertThat(productLinks()).doesNotContain(RESTRICTED_PRODUCT);
    browser.go("#/lineage?node=" + ORDERS);
    WebElement graph = browser.await(By.cssSelector("#lineage-graph[data-nodes]"));
    assertThat(Integer.parseInt(graph.getDomAttribute("data-restricted"))).isPositive();
    browser.click(By.cssSelector("#lineage-list summary"));
    assertThat(browser.await(By.id("lineage-list")).getText())
        .contains("Restricted node")
        .doesNotContain(RESTRICTED_DATASET);
    browser.go(RESTRICTED_PRODUCT);
    browser.until(ExpectedConditions.textToBe(By.cssSelector("#main h1"), "Not found"));
    assertThat(browser.await(By.cssSelector(".problem[data-status='404']")).getText())
        .contains("no data product customer/customer-profiles");

    // signing in shows the page again, now with what the token may see
    browser.signIn(euReaderToken);
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("signin-status"), "eu-analyst"));
    assertThat(browser.await(By.id("signin-status")).getText()).contains("consumer");
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Customer Profiles"));
    assertThat(browser.script("return sessionStorage.getItem('tessera.token')"))
        .isEqualTo(euReaderToken);
    assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
    assertThat(browser.script("return document.cookie")).isEqualTo("");
    browser.go("#/search?q=customer profiles");
    browser.until(d -> productLinks().contains(RESTRICTED_PRODUCT) ? true : null);
    browser.go("#/lineage?node=" + ORDERS);
    browser.until(
        d -> "0".equals(d.findElement(By.id("lineage-graph")).getDomAttribute("data-restricted")));
    browser.click(By.cssSelector("#lineage-list summary"));
    assertThat(browser.await(By.id("lineage-list")).getText()).contains(RESTRICTED_DATASET);

    // signing out forgets the token and shows the page again as the anonymous reader sees it
    browser.go("#/search?q=customer profiles");
    browser.until(d -> productLinks().contains(RESTRICTED_PRODUCT) ? true : null);
    browser.click(By.id("signout-button"));
    browser.await(By.id("signin-button"));
    browser.until(d -> productLinks().contains(RESTRICTED_PRODUCT) ? null : true);
    browser.await(By.cssSelector("#results .hit"));
    assertThat(browser.script("return sessionStorage.getItem('tessera.token')")).isNull();
    browser.go(RESTRICTED_PRODUCT);
    browser.until(ExpectedConditions.textToBe(By.cssSelector("#main h1"), "Not found"));
  }

  @Test
  void shouldShowPlainlyThatTheServerRefusesABogusToken() {
    browser.await(By.id("signin-button")).click();
    WebElement input = browser.await(By.id("signin-token"));
    assertThat(input.getDomAttribute("type")).isEqualTo("password");
    input.sendKeys("tsr_not-a-token-the-server-issued");
    browser.await(By.id("signin-submit")).click();
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("signin-error"), "HTTP 401"));
    assertThat(browser.await(By.id("signin-error")).getText())
        .contains("the API token is not valid");
    assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.script("return sessionStorage.getItem('tessera.token')")).isNull();
    browser.screenshot("signin-refused", 700);
    browser.click(By.cssSelector("#signin-dialog button[value=cancel]"));

    // a token kept in the tab that the server no longer accepts: every page says so
    browser.script("sessionStorage.setItem('tessera.token', 'tsr_revoked-or-never-issued')");
    browser.driver().navigate().refresh();
    browser.go("#/search?q=orders");
    // read again if the page re-renders the box meanwhile (the wait ignores stale elements)
    By refusal = By.cssSelector("#result-count .problem[data-status='401']");
    String problem =
        browser.until(
            d -> {
              String text = d.findElement(refusal).getText();
              return text.contains("Token not accepted") ? text : null;
            });
    assertThat(problem).contains("Token not accepted", "the API token is not valid");
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("signin-status"), "HTTP 401"));
  }

  /** Creates an API token as the tests' admin and returns its secret. */
  private String token(Map<String, Object> request) {
    @SuppressWarnings("unchecked")
    Map<String, Object> issued =
        http.toBlocking().retrieve(HttpRequest.POST("/api/v1/tokens", request), Map.class);
    return (String) issued.get("secret");
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
