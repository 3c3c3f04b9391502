package io.tessera.catalogserver.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestIdentityProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.graphstore.GraphStore;
import io.tessera.lineage.LineageProjection;
import io.tessera.searchindex.SearchIndex;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Sign-in with the organisation's identity provider in headless Chromium, end to end against a
 * provider in the test JVM and the demo catalog: the sign-in dialog's provider button runs the
 * authorization code flow, the header then shows who signed in with the roles the ID token's claims
 * mapped to, a domain's owner is offered what only deciders get, a token made on the tokens page
 * (secret shown once) works from plain HTTP until it is revoked there, and signing out through the
 * provider leaves the browser without a session.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInUiIT implements TestPropertyProvider {
  private TestIdentityProvider idp;
  private Browser browser;

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Map<String, String> getProperties() {
    idp = new TestIdentityProvider();
    return TestServer.properties("tessera-oidc-ui-it", idp.settings("tessera.demo", "true"));
  }

  @BeforeAll
  void openBrowser() throws InterruptedException {
    String missing = Browser.missing();
    assumeTrue(missing == null, missing);
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
    browser = Browser.open(server.getURL().toString());
  }

  @AfterAll
  void close() throws IOException {
    if (browser != null) {
      browser.close();
    }
    idp.close();
  }

  @Test
  void shouldSignInMakeAndRevokeATokenAndSignOut() throws Exception {
    idp.nextSignIn(
        "ada.lovelace",
        Map.of(
            "roles", List.of("domain-owner", "consumer", "astronaut"),
            "domains", List.of("customer")));
    browser.go("#/");
    browser.await(By.id("signin-button")).click();
    browser.await(By.id("signin-oidc-link"));
    browser.screenshot("oidc-signin-dialog");
    browser.click(By.id("signin-oidc-link"));

    String status = browser.await(By.id("signin-status")).getText();
    assertThat(status)
        .contains("ada.lovelace", "consumer", "domain-owner")
        .doesNotContain("astronaut");
    browser.screenshot("oidc-signed-in");

    // signed in, a person finds a product, opens its dataset's page, and follows lineage to the
    // product that owns an upstream dataset
    browser.go("#/");
    browser.replaceText("search-input", "order lines");
    browser.await(By.id("search-input")).sendKeys(Keys.ENTER);
    browser.click(By.cssSelector("#results a[href='#/product/sales/order-lines']"));
    browser.until(d -> browser.route().equals("#/product/sales/order-lines"));
    browser.click(By.cssSelector("[data-port] a.port-dataset-page"));
    assertThat(browser.await(By.id("dataset-title")).getText())
        .isEqualTo("sales.public.order_lines");
    assertThat(browser.await(By.id("dataset-product")).getText()).contains("sales/order-lines");
    browser.click(By.id("dataset-lineage"));
    browser.await(By.cssSelector("#lineage-graph[data-nodes]"));
    browser.click(By.cssSelector("#lineage-list summary"));
    browser.click(By.cssSelector("#lineage-list a.owned-by[href='#/product/sales/orders']"));
    browser.until(ExpectedConditions.textToBe(By.id("product-title"), "Customer Orders"));

    // owners decide access requests: the inbox offers them the requests to decide
    browser.go("#/inbox");
    assertThat(browser.await(By.id("decide-heading")).getText()).isEqualTo("Requests to decide");

    browser.click(By.id("tokens-link"));
    browser.await(By.id("token-form"));
    browser.replaceText("token-name", "nightly export");
    browser.click(By.id("token-role-domain-owner"));
    browser.click(By.id("token-create"));
    WebElement secretBox = browser.await(By.id("token-secret"));
    String secret = secretBox.getAttribute("value");
    assertThat(secret).startsWith("tsr_");
    browser.await(By.id("token-copy"));
    WebElement row = browser.await(By.cssSelector("#tokens tr.token"));
    String id = row.getAttribute("data-id");
    assertThat(row.getText()).contains("nightly export", "consumer").doesNotContain("domain-owner");
    assertThat(browser.driver().findElement(By.id("tokens-list")).getText()).doesNotContain(secret);
    browser.screenshot("oidc-token-created");

    HttpResponse<String> me = get("/api/v1/me", secret);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("\"subject\":\"ada.lovelace\"", "\"roles\":[\"consumer\"]");
    assertThat(get("/api/v1/domains", secret).statusCode()).isEqualTo(200);

    browser.click(By.id("revoke-" + id));
    browser.until(
        d -> d.findElement(By.id("token-" + id)).getAttribute("data-state").equals("revoked"));
    assertThat(get("/api/v1/me", secret).statusCode()).isEqualTo(401);

    browser.click(By.id("signout-button"));
    browser.await(By.id("signin-button"));
    // the cookie is gone, and the page asks the server again: nobody is signed in
    assertThat(browser.driver().manage().getCookieNamed("tessera_session")).isNull();
    browser.go("#/tokens");
    assertThat(browser.await(By.cssSelector("#main h1")).getText()).isEqualTo("My API tokens");
    assertThat(browser.driver().findElements(By.id("token-form"))).isEmpty();
  }

  private HttpResponse<String> get(String path, String bearer)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Authorization", "Bearer " + bearer)
            .header("Accept", "application/json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
