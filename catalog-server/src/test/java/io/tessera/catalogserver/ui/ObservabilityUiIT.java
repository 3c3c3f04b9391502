package io.tessera.catalogserver.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Observability in headless Chromium against the server with the demo catalog: a domain's owner
 * subscribes to a product with a webhook to a real HTTP receiver started here, sees the generated
 * secret once, a change of the product is delivered (signed) and shown as {@code delivered} under
 * Subscriptions, and the subscription is deleted; a URL that is not http(s) is refused beside its
 * field. The product's health, schema history and incidents are checked against what the server
 * offers: on a server without those endpoints (404) the sections are not there.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityUiIT implements TestPropertyProvider {
  private static final String DOMAIN = "observe";
  private static final String PRODUCT = DOMAIN + "/watched";
  private static final String PRODUCT_PAGE = "#/product/" + PRODUCT;

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  @Inject
  @Client("/")
  HttpClient http;

  private Browser browser;
  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private String ownerToken;

  record Received(String body, String signature, String type) {}

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-observability-ui-it",
        "tessera.demo",
        "true",
        "tessera.notify.allow-private-targets",
        "true");
  }

  @BeforeAll
  void startBrowserReceiverAndProduct() throws Exception {
    String missing = Browser.missing();
    assumeTrue(missing == null, missing);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  body,
                  exchange.getRequestHeaders().getFirst("Tessera-Signature"),
                  exchange.getRequestHeaders().getFirst("Content-Type")));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    apply(domainDescriptor());
    apply(productDescriptor("first"));
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
    ownerToken =
        token(
            Map.of(
                "subject",
                "observe-owner",
                "roles",
                List.of("domain-owner"),
                "domains",
                List.of(DOMAIN)));
    browser = Browser.open(server.getURL().toString());
  }

  @AfterAll
  void close() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @BeforeEach
  void signedOut() {
    browser.signOutAndForget();
  }

  @Test
  void shouldSubscribeWithAWebhookSeeTheDeliveryAndDeleteIt() throws Exception {
    browser.signIn(ownerToken);
    assertThat(browser.await(By.id("nav-subscriptions")).isDisplayed()).isTrue();
    assertThat(browser.await(By.id("nav-incidents")).isDisplayed()).isTrue();
    browser.go(PRODUCT_PAGE);
    browser.await(By.id("product-title"));

    browser.click(By.id("subscribe-button"));
    assertThat(browser.await(By.id("subscribe-button")).getDomAttribute("aria-expanded"))
        .isEqualTo("true");
    // product changes only, instead of everything
    browser.click(By.id("subscribe-form-types-0"));
    browser.click(By.id("subscribe-form-types-1"));

    // a URL that is not http(s): the server's error beside the field, nothing made
    browser.replaceText("subscribe-form-url", "ftp://127.0.0.1/hook");
    browser.click(By.id("subscribe-form-submit"));
    WebElement url = browser.await(By.id("subscribe-form-url"));
    assertThat(browser.errorBeside(url)).contains("http");
    assertThat(url.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(subscriptions()).isEmpty();

    String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    browser.replaceText("subscribe-form-url", hook);
    browser.click(By.id("subscribe-form-submit"));
    WebElement created = browser.await(By.id("subscribe-form-created"));
    String id = created.getDomAttribute("data-id");
    String secret = browser.await(By.id("subscribe-form-created-secret")).getDomProperty("value");
    assertThat(secret).matches("[0-9a-f]{64}");
    assertThat(created.getText()).contains("shown only this once", hook);
    assertThat(browser.driver().findElements(By.cssSelector("#subscribe-form [aria-invalid]")))
        .isEmpty();
    browser.screenshot("subscribe-secret", 1100);

    // listed under Subscriptions, without the secret, nothing delivered yet
    browser.go("#/subscriptions");
    WebElement item = browser.await(By.id("subscription-" + id));
    assertThat(item.getText()).contains(PRODUCT, "product.*", hook).doesNotContain(secret);
    assertThat(browser.driver().getPageSource()).doesNotContain(secret);

    // a change of the product is an event: delivered to the receiver and shown as delivered
    apply(productDescriptor("second"));
    WebElement delivered = awaitDelivery(id, "delivered");
    assertThat(delivered.getText()).contains("product.changed");
    assertThat(received).isNotEmpty();
    Received first = received.getFirst();
    assertThat(first.type()).startsWith("application/cloudevents+json");
    assertThat(first.signature()).startsWith("sha256=");
    assertThat(first.body()).contains("\"tesseraproduct\":\"" + PRODUCT + "\"");
    browser.screenshot("subscriptions", 900);

    // deleted: gone from the page and from the API
    browser.click(By.id("delete-" + id));
    assertThat(browser.await(By.id("subscriptions-status")).getText()).contains("deleted");
    assertThat(browser.driver().findElements(By.id("subscription-" + id))).isEmpty();
    assertThat(subscriptions()).isEmpty();
    browser.go("#/");
    browser.go("#/subscriptions");
    assertThat(browser.await(By.id("no-subscriptions")).getText()).contains("no subscription");
  }

  @Test
  void shouldShowHealthSchemaHistoryAndIncidentsOnlyWhereTheServerHasThem() {
    browser.signIn(ownerToken);
    browser.go(PRODUCT_PAGE);
    browser.await(By.id("product-title"));
    browser.await(By.id("revisions"));
    boolean health = exists("/api/v1/products/" + PRODUCT + "/health");
    boolean schema = exists("/api/v1/products/" + PRODUCT + "/schema-changes");
    boolean incidents = exists("/api/v1/products/" + PRODUCT + "/incidents");
    assertThat(browser.driver().findElements(By.id("health"))).hasSize(health ? 1 : 0);
    assertThat(browser.driver().findElements(By.id("product-health-badge")))
        .hasSize(health ? 1 : 0);
    assertThat(browser.driver().findElements(By.id("schema-history"))).hasSize(schema ? 1 : 0);
    assertThat(browser.driver().findElements(By.id("product-incidents")))
        .hasSize(incidents ? 1 : 0);
    // the rest of the page is all there either way
    assertThat(browser.await(By.id("output-ports")).isDisplayed()).isTrue();
    assertThat(browser.await(By.id("observation")).isDisplayed()).isTrue();

    browser.go("#/incidents");
    if (exists("/api/v1/incidents")) {
      browser.await(By.id("incident-filters"));
    } else {
      assertThat(browser.await(By.id("incidents-unavailable")).getText())
          .contains("does not track incidents");
    }
  }

  @Test
  void shouldShowTheFailingDemoProductAndHandleItsIncidents() throws InterruptedException {
    assumeTrue(
        exists("/api/v1/incidents"), "this server has no health and incidents (404): not tested");
    String owner =
        token(
            Map.of(
                "subject",
                "catalog-owner",
                "roles",
                List.of("domain-owner"),
                "domains",
                List.of("product-catalog")));
    browser.signIn(owner);
    // the demo's failed run and breaking schema change make product-catalog/skus fail
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    By failing = By.cssSelector("#product-health-badge[data-health='failing']");
    while (true) {
      browser.go("#/");
      browser.go("#/product/product-catalog/skus");
      browser.await(By.id("revisions"));
      if (!browser.driver().findElements(failing).isEmpty() || Instant.now().isAfter(deadline)) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(browser.await(failing).getText()).isEqualTo("Failing");
    assertThat(browser.await(By.id("health")).getText()).contains("Failing");
    assertThat(
            browser.await(
                By.cssSelector("#schema-history .schema-version[data-breaking='true'] summary")))
        .satisfies(s -> assertThat(s.getText()).contains("Breaking"));
    assertThat(browser.await(By.cssSelector("#product-incidents li")).getText()).isNotBlank();
    browser.screenshot("product-health", 1600);

    // the domain page counts its failing products (from the search's health facet)
    browser.go("#/domain/product-catalog");
    browser.until(
        d ->
            !d.findElements(By.cssSelector("#count-failing .stat-number")).isEmpty()
                && !d.findElement(By.cssSelector("#count-failing .stat-number"))
                    .getText()
                    .equals("0"));
    browser.go("#/product/product-catalog/skus");
    browser.await(By.id("revisions"));

    browser.click(By.id("product-incidents-link"));
    WebElement open =
        browser.await(By.cssSelector("#incidents .incident[data-product='product-catalog/skus']"));
    String id = open.getDomAttribute("data-id");
    By incident = By.id("incident-" + id);
    if ("open".equals(open.getDomAttribute("data-state"))) {
      browser.click(By.id("acknowledge-" + id));
      browser.until(
          d -> "acknowledged".equals(d.findElement(incident).getDomAttribute("data-state")));
    }
    // an empty comment is refused beside its field; a real one is added to the activity
    browser.click(By.id("comment-" + id));
    assertThat(browser.errorBeside(browser.await(By.id("incident-comment-" + id))))
        .contains("Write a comment");
    browser.replaceText("incident-comment-" + id, "Looking into the new column type");
    browser.click(By.id("comment-" + id));
    // the status still says what the acknowledgement did until the comment's answer arrives
    browser.until(
        d -> d.findElement(By.id("incidents-status")).getText().contains("Comment added"));
    browser.screenshot("incidents", 1100);
    browser.click(By.id("resolve-" + id));
    browser.until(d -> "resolved".equals(d.findElement(incident).getDomAttribute("data-state")));
    assertThat(browser.driver().findElements(By.id("resolve-" + id))).isEmpty();
  }

  /** Reloads Subscriptions until the newest delivery of the subscription is in {@code state}. */
  private WebElement awaitDelivery(String id, String state) throws InterruptedException {
    By delivery =
        By.cssSelector("#subscription-" + id + " tr.delivery[data-state='" + state + "']");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      browser.click(By.id("subscriptions-refresh"));
      browser.await(By.id("subscription-" + id));
      List<WebElement> found = browser.driver().findElements(delivery);
      if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
        return browser.await(delivery);
      }
      Thread.sleep(500);
    }
  }

  private boolean exists(String path) {
    try {
      http.toBlocking().exchange(HttpRequest.GET(path), String.class);
      return true;
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode() != 404;
    }
  }

  private List<Map> subscriptions() {
    return http.toBlocking()
        .retrieve(
            HttpRequest.GET("/api/v1/subscriptions").bearerAuth(ownerToken),
            Argument.listOf(Map.class));
  }

  private void apply(String yaml) {
    HttpResponse<String> response =
        http.toBlocking()
            .exchange(
                HttpRequest.POST("/api/v1/descriptors", yaml)
                    .contentType(MediaType.of("application/yaml")),
                String.class);
    assertThat(response.getStatus().getCode()).isEqualTo(200);
  }

  private static String domainDescriptor() {
    return """
        apiVersion: tessera/v1
        kind: Domain
        metadata:
          name: %s
        spec:
          title: Observe
          description: A domain for the observability UI test.
          owner: mailto:observe-owner@example.com
        """
        .formatted(DOMAIN);
  }

  private static String productDescriptor(String revision) {
    return """
        apiVersion: tessera/v1
        kind: DataProduct
        metadata:
          domain: %s
          name: watched
        spec:
          title: Watched
          description: The %s revision.
          owner: mailto:observe-owner@example.com
          lifecycle: design
        """
        .formatted(DOMAIN, revision);
  }

  /** Creates an API token as the tests' admin and returns its secret. */
  private String token(Map<String, Object> request) {
    @SuppressWarnings("unchecked")
    Map<String, Object> issued =
        http.toBlocking().retrieve(HttpRequest.POST("/api/v1/tokens", request), Map.class);
    return (String) issued.get("secret");
  }
}
