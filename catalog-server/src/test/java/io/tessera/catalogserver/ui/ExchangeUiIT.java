package io.tessera.catalogserver.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The data exchange in headless Chromium against the server with the demo catalog: a consumer
 * requests access to a product it may find but not read, the domain's owner approves it in the
 * inbox, the consumer then sees the product's datasets and schemas until the owner revokes the
 * agreement; a rejection needs a reason; interest in a planned product, seen by the owner and on
 * the domain page, and the consumer told in its inbox when the product turns physical.
 *
 * <p>The demo policy {@code churn-scores-for-retention} lets only principals with {@code
 * purpose=retention} read customer/churn-risk-scores; the {@code us-analyst} here has no purpose
 * attribute, so only an agreement lets it read. The tokens are created through {@code POST
 * /api/v1/tokens} by the tests' admin, as in {@link CatalogUiIT}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeUiIT implements TestPropertyProvider {
  private static final String CHURN = "customer/churn-risk-scores";
  private static final String CHURN_PAGE = "#/product/" + CHURN;
  private static final String SEGMENTS = "customer/customer-segments";
  private static final String SEGMENTS_PAGE = "#/product/" + SEGMENTS;

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  @Inject
  @Client("/")
  HttpClient http;

  private Browser browser;
  private String analystToken;
  private String ownerToken;
  private String otherAnalystToken;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-exchange-ui-it", "tessera.demo", "true");
  }

  @BeforeAll
  void startBrowserOnTheDemoCatalog() throws InterruptedException {
    String missing = Browser.missing();
    assumeTrue(missing == null, missing);
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
    analystToken = consumer("us-analyst");
    otherAnalystToken = consumer("us-marketer");
    ownerToken =
        token(
            Map.of(
                "subject",
                "customer-owner",
                "roles",
                List.of("domain-owner"),
                "domains",
                List.of("customer")));
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
  void shouldRequestAccessHaveItApprovedSeeTheSchemasAndLoseThemWhenRevoked() {
    // the analyst finds the product but not where it lives or what it holds
    browser.signIn(analystToken);
    assertThat(browser.await(By.id("nav-requests")).isDisplayed()).isTrue();
    assertThat(browser.await(By.id("nav-inbox")).isDisplayed()).isTrue();
    openChurnScores();
    assertThat(schemas()).isEmpty();
    assertThat(browser.await(By.cssSelector("#output-ports .withheld")).getText())
        .contains("Request access");

    browser.click(By.id("request-access"));
    assertThat(browser.await(By.id("request-access")).getDomAttribute("aria-expanded"))
        .isEqualTo("true");
    browser.replaceText("request-form-purpose", "Reduce churn among US customers");
    browser.replaceText("request-form-purpose-code", "retention");
    browser.replaceText("request-form-intended-use", "weekly retention campaign");
    browser.replaceText("request-form-duration", "90");
    browser.screenshot("exchange-request-form", 1100);
    browser.click(By.id("request-form-submit"));
    assertThat(browser.await(By.id("request-form-sent")).getText()).contains("Request sent");

    // asking again while the request is open: the server's 409, said plainly
    browser.click(By.id("request-form-submit"));
    assertThat(browser.await(By.cssSelector("#request-form-result .problem")).getText())
        .contains("You already have an open request for this product");

    browser.go("#/requests");
    WebElement mine = request("#my-requests", CHURN);
    assertThat(mine.getDomAttribute("data-state")).isEqualTo("requested");
    assertThat(mine.getText()).contains("Reduce churn among US customers", "retention");
    String id = mine.getDomAttribute("data-id");
    mine.findElement(By.cssSelector("details.history summary")).click();
    String history =
        browser.until(
            d -> {
              WebElement table = byId(id).findElement(By.cssSelector("table.transitions"));
              return table.isDisplayed() ? table.getText() : null;
            });
    assertThat(history).contains("us-analyst");
    browser.screenshot("exchange-requests");

    // the owner decides: a rejection needs a reason, then approves
    switchTo(ownerToken, "customer-owner");
    browser.go(CHURN_PAGE);
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Churn Risk Scores"));
    assertThat(browser.driver().findElements(By.id("request-access")))
        .as("the owners decide requests; they do not make them")
        .isEmpty();
    browser.go("#/inbox");
    WebElement waiting = request("#waiting", CHURN);
    assertThat(waiting.getDomAttribute("data-id")).isEqualTo(id);
    assertThat(waiting.getText()).contains("us-analyst", "Reduce churn among US customers");
    browser.click(By.id("reject-" + id));
    WebElement rejectReason = browser.await(By.id("reject-" + id + "-reason"));
    assertThat(rejectReason.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.errorBeside(rejectReason)).contains("reason");
    assertThat(byId(id).getDomAttribute("data-state")).isEqualTo("requested");
    browser.screenshot("exchange-inbox");

    browser.replaceText("approve-" + id + "-reason", "Retention campaign agreed with the CRM team");
    browser.click(By.id("approve-" + id));
    browser.until(d -> "active".equals(byId(id).getDomAttribute("data-state")));
    assertThat(browser.await(By.id("inbox-status")).getText()).contains("Approved");
    browser.await(By.id("revoke-" + id));

    // the owner, who may read the product, sees its consumers and its time to value
    browser.go(CHURN_PAGE);
    assertThat(browser.await(By.id("consumers")).getText()).startsWith("Consumers");
    assertThat(browser.await(By.id("time-to-value")).getText()).contains("Declared");
    browser.script("document.getElementById('consumers').scrollIntoView()");
    browser.screenshot("exchange-consumers");

    // the analyst now reads the product: its ports' datasets and schemas
    switchTo(analystToken, "us-analyst");
    openChurnScores();
    browser.until(d -> schemas().isEmpty() ? null : true);
    assertThat(browser.await(By.id("output-ports")).getText())
        .contains("acme-analytics.customer.churn_scores", "churn_probability");
    browser.script("document.getElementById('output-ports').scrollIntoView()");
    browser.screenshot("exchange-product-approved");
    browser.go("#/requests");
    assertThat(request("#my-requests", CHURN).getDomAttribute("data-state")).isEqualTo("active");
    assertThat(browser.await(By.id("my-agreements")).getText()).contains(CHURN);

    // the owner revokes (a reason is required) and the analyst sees the schemas go
    switchTo(ownerToken, "customer-owner");
    browser.go("#/inbox");
    browser.click(By.id("revoke-" + id));
    assertThat(browser.errorBeside(browser.await(By.id("revoke-" + id + "-reason"))))
        .contains("reason");
    browser.replaceText("revoke-" + id + "-reason", "The campaign ended");
    browser.click(By.id("revoke-" + id));
    browser.until(d -> "revoked".equals(byId(id).getDomAttribute("data-state")));

    switchTo(analystToken, "us-analyst");
    openChurnScores();
    browser.await(By.cssSelector("#output-ports .withheld"));
    assertThat(schemas()).isEmpty();
    browser.go("#/requests");
    assertThat(request("#my-requests", CHURN).getDomAttribute("data-state")).isEqualTo("revoked");
  }

  @Test
  void shouldShowTheServersErrorsBesideTheRequestFormsFields() {
    browser.signIn(otherAnalystToken);
    openChurnScores();
    browser.click(By.id("request-access"));
    // the purpose is required: said beside the field before anything is sent
    browser.click(By.id("request-form-submit"));
    WebElement purpose = browser.await(By.id("request-form-purpose"));
    assertThat(purpose.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.errorBeside(purpose)).isNotBlank();

    // a duration below one day is the server's field error, shown beside the duration
    browser.replaceText("request-form-purpose", "Campaign planning");
    browser.replaceText("request-form-duration", "0");
    browser.click(By.id("request-form-submit"));
    WebElement duration = browser.await(By.id("request-form-duration"));
    browser.until(d -> "true".equals(duration.getDomAttribute("aria-invalid")) ? true : null);
    assertThat(browser.errorBeside(duration)).isNotBlank();
    assertThat(purpose.getDomAttribute("aria-invalid")).isNull();
    assertThat(browser.driver().findElements(By.id("request-form-sent"))).isEmpty();
  }

  @Test
  void shouldRegisterInterestInAPlannedProductAndRequestAccessOnceItTurnsPhysical()
      throws InterruptedException {
    browser.signIn(analystToken);
    browser.go(SEGMENTS_PAGE);
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Customer Segments"));
    assertThat(browser.await(By.cssSelector(".status-line .badge-planned")).getText())
        .isEqualToIgnoringCase("planned");
    long before = interestCount();

    browser.click(By.id("interest-button"));
    browser.replaceText("interest-use-case", "Segment-specific retention offers");
    browser.click(By.id("interest-submit"));
    browser.await(By.id("withdraw-interest"));
    browser.until(d -> interestCount() == before + 1 ? true : null);
    assertThat(browser.await(By.id("interest-count")).getText()).contains("you are one of them");
    browser.screenshot("exchange-interest", 900);

    // withdrawn, and registered again
    browser.click(By.id("withdraw-interest"));
    browser.await(By.id("interest-button"));
    browser.until(d -> interestCount() == before ? true : null);
    browser.click(By.id("interest-button"));
    browser.replaceText("interest-use-case", "Segment-specific retention offers");
    browser.click(By.id("interest-submit"));
    browser.await(By.id("withdraw-interest"));

    // the owner sees who is interested, and the domain's most wanted planned products
    switchTo(ownerToken, "customer-owner");
    browser.go(SEGMENTS_PAGE);
    assertThat(browser.await(By.id("interested-list")).getText())
        .contains("us-analyst", "Segment-specific retention offers");
    browser.go("#/domain/customer");
    assertThat(browser.await(By.id("demand")).getText()).contains(SEGMENTS);
    assertThat(browser.await(By.id("domain-time-to-value")).getText()).contains("Time to value");
    browser.script("document.getElementById('demand').scrollIntoView()");
    browser.screenshot("exchange-domain");

    // lineage shows the promised dataset being written: the analyst is told, and asks in one step
    producedByAPipeline();
    switchTo(analystToken, "us-analyst");
    WebElement told = awaitInInbox("product-physical");
    String notification = told.getDomAttribute("id").substring("notification-".length());
    assertThat(told.getText()).contains(SEGMENTS);
    browser.screenshot("exchange-inbox-notification");
    browser.click(By.id("request-from-" + notification));
    WebElement purpose = browser.await(By.id("request-form-" + notification + "-purpose"));
    assertThat(purpose.getDomProperty("value")).isEqualTo("Segment-specific retention offers");
    browser.click(By.id("request-form-" + notification + "-submit"));
    assertThat(browser.await(By.id("request-form-" + notification + "-sent")).getText())
        .isNotBlank();
    browser.click(By.id("read-" + notification));
    browser.until(
        d ->
            "true"
                    .equals(
                        d.findElement(By.id("notification-" + notification))
                            .getDomAttribute("data-read"))
                ? true
                : null);
    browser.go("#/requests");
    assertThat(request("#my-requests", SEGMENTS).getText())
        .contains("Segment-specific retention offers");
  }

  private void openChurnScores() {
    browser.go(CHURN_PAGE);
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Churn Risk Scores"));
  }

  /** The schema tables on the product page, read in one script so a re-render cannot interfere. */
  @SuppressWarnings("unchecked")
  private List<String> schemas() {
    return (List<String>)
        browser.script(
            "return [...document.querySelectorAll('#output-ports table.schema')]"
                + ".map(t => t.textContent)");
  }

  private long interestCount() {
    Object count =
        browser.script(
            "const c = document.getElementById('interest-count'); return c ? c.dataset.count : null");
    return count == null ? -1 : Long.parseLong(count.toString());
  }

  /** The request for {@code product} listed under {@code section}, once it is there. */
  private WebElement request(String section, String product) {
    return browser.await(By.cssSelector(section + " .request[data-product='" + product + "']"));
  }

  private WebElement byId(String requestId) {
    return browser.driver().findElement(By.id("request-" + requestId));
  }

  /** Opens the inbox until a notification of {@code kind} is there (it may come a moment later). */
  private WebElement awaitInInbox(String kind) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    By item = By.cssSelector("#notifications .notification[data-kind='" + kind + "']");
    while (true) {
      browser.go("#/requests");
      browser.await(By.id("my-requests"));
      browser.go("#/inbox");
      browser.await(By.cssSelector("#main h1"));
      List<WebElement> found = browser.driver().findElements(item);
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        return browser.await(item);
      }
      Thread.sleep(500);
    }
  }

  /** Posts the OpenLineage event of a run writing customer-segments' promised dataset. */
  private void producedByAPipeline() throws InterruptedException {
    String event =
        """
        {"eventType":"COMPLETE","eventTime":"%s","producer":"https://example.com/dag",
         "run":{"runId":"0193a1b2-3c4d-7e5f-8a6b-7c8d9e0f1a99"},
         "job":{"namespace":"airflow-prod","name":"customer.segments.build"},
         "inputs":[],
         "outputs":[{"namespace":"bigquery","name":"acme-analytics.customer.segments"}]}"""
            .formatted(Instant.now());
    HttpResponse<String> posted =
        http.toBlocking()
            .exchange(
                HttpRequest.POST("/api/v1/lineage", event)
                    .contentType(MediaType.APPLICATION_JSON_TYPE),
                String.class);
    assertThat(posted.code()).isEqualTo(201);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!"physical".equals(segmentsState()) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(segmentsState()).isEqualTo("physical");
  }

  private String segmentsState() {
    @SuppressWarnings("unchecked")
    Map<String, Object> product =
        http.toBlocking().retrieve(HttpRequest.GET("/api/v1/products/" + SEGMENTS), Map.class);
    return (String) product.get("state");
  }

  private void switchTo(String secret, String subject) {
    browser.click(By.id("signout-button"));
    browser.signIn(secret);
    browser.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("signin-status"), subject));
  }

  private String consumer(String subject) {
    return token(
        Map.of(
            "subject",
            subject,
            "roles",
            List.of("consumer"),
            "attributes",
            Map.of("region", List.of("us"))));
  }

  /** Creates an API token as the tests' admin and returns its secret. */
  private String token(Map<String, Object> request) {
    @SuppressWarnings("unchecked")
    Map<String, Object> issued =
        http.toBlocking().retrieve(HttpRequest.POST("/api/v1/tokens", request), Map.class);
    return (String) issued.get("secret");
  }
}
