package io.tessera.catalogserver.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
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

/**
 * The governance console in headless Chromium against the server with the demo catalog: an admin
 * reads the policies in plain words, asks why a US analyst cannot see customer/customer-profiles,
 * sees the demo's toxic-combination finding, pages through the audit log newest first and filters
 * it by subject, and revokes a token; the customer domain's owner sees only its domain's policies
 * and findings and no admin pages; a consumer has no Governance link and is told plainly that the
 * console is not for it.
 *
 * <p>The demo's global policy {@code identified-profiles-for-review} combines {@code restricted}
 * and {@code confidential}: the demo job that builds customer/customer-360 reads the restricted
 * customer profiles and confidential loyalty and order data, so the demo starts with a finding.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernanceUiIT implements TestPropertyProvider {
  private static final String PROFILES = "customer/customer-profiles";
  private static final String FINDING_POLICY = "global/identified-profiles-for-review";

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

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-governance-ui-it", "tessera.demo", "true");
  }

  @BeforeAll
  void startBrowserOnTheDemoCatalog() throws InterruptedException {
    String missing = Browser.missing();
    assumeTrue(missing == null, missing);
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
    awaitTheDemosFinding();
    analystToken =
        token(
            Map.of(
                "subject",
                "us-analyst",
                "roles",
                List.of("consumer"),
                "attributes",
                Map.of("region", List.of("us"))));
    ownerToken =
        token(
            Map.of(
                "subject",
                "customer-governor",
                "roles",
                List.of("domain-owner"),
                "domains",
                List.of("customer")));
    // an audited refusal by the owner, for the audit log's subject filter
    try {
      http.toBlocking().exchange(HttpRequest.GET("/api/v1/audit").bearerAuth(ownerToken));
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(403);
    }
    browser = Browser.open(server.getURL().toString());
  }

  /** The toxic-combination check runs in the background once the demo's lineage is in. */
  private void awaitTheDemosFinding() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (findings().isEmpty()) {
      assertThat(Instant.now()).as("the demo's finding in time").isBefore(deadline);
      Thread.sleep(250);
    }
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
  void shouldShowTheAdminThePoliciesInWordsAndWhyAUsAnalystCannotSeeCustomerProfiles() {
    browser.signIn(TestCredentials.ADMIN_TOKEN);
    browser.click(By.id("nav-governance"));
    WebElement findingsCount = browser.await(By.cssSelector("#count-findings .console-card-count"));
    assertThat(Integer.parseInt(findingsCount.getDomAttribute("data-count"))).isPositive();
    assertThat(
            browser
                .await(By.cssSelector("#count-policies .console-card-count"))
                .getDomAttribute("data-count"))
        .isEqualTo("4");
    assertThat(browser.await(By.id("governance-nav")).getText())
        .contains("Policies", "Findings", "Audit log", "Tokens", "Requests to decide", "Incidents");
    browser.screenshot("governance-overview", 900);

    browser.click(By.linkText("Policies"));
    String eu = policy("global-restricted-data-eu-only").getText();
    assertThat(eu)
        .contains("Global", "Applies to every product classified restricted.")
        .contains(
            "Only readers for whom the reader's region is one of: eu may find (know it"
                + " exists) and read (see its ports, schemas and columns).")
        .contains("Data that combines pii and precise-location is classified restricted.");
    assertThat(policy("customer-churn-scores-for-retention").getText())
        .contains("Applies to the product customer/churn-risk-scores.")
        .contains("the reader's purposes include one of: retention may read")
        .contains("Access requests are decided by the domain's owners, for at most 180 days.");
    assertThat(policy("product-catalog-catalog-data-on-request").getText())
        .contains("Access requests are approved at once by the catalog, for at most 365 days.");

    browser.replaceText("explain-product", PROFILES);
    browser.replaceText("explain-subject", "us-analyst");
    browser.click(By.id("explain-submit"));
    WebElement discover = browser.await(By.id("explain-discover"));
    assertThat(discover.getDomAttribute("data-allowed")).isEqualTo("false");
    assertThat(discover.getText())
        .contains("Denied", "global/restricted-data-eu-only", "region isAnyOf [eu]");
    assertThat(browser.await(By.id("explain-read")).getText()).contains("Denied");
    assertThat(browser.await(By.id("explain-summary")).getText())
        .contains("us-analyst may not know that " + PROFILES + " exists");
    browser.screenshot("governance-explain", 1400);

    // the same subject asked about with region eu instead of its token's
    browser.click(By.cssSelector(".explain-attributes summary"));
    browser.replaceText("explain-region", "eu");
    browser.click(By.id("explain-submit"));
    browser.until(
        d ->
            "true"
                .equals(d.findElement(By.id("explain-discover")).getDomAttribute("data-allowed")));
    assertThat(browser.await(By.id("explain-summary")).getText())
        .contains("us-analyst may find and read " + PROFILES);
  }

  @Test
  void shouldListTheDemosFindingWithItsDatasetsAndProductsLinked() {
    browser.signIn(TestCredentials.ADMIN_TOKEN);
    browser.go("#/governance/findings");
    WebElement finding = finding360();
    assertThat(finding.getText())
        .contains("confidential and restricted together make profiling")
        .contains(FINDING_POLICY)
        .contains("postgres://crm-db.internal:5432:crm.public.customers");
    assertThat(finding.findElement(By.cssSelector(".finding-inputs a")).getDomAttribute("href"))
        .startsWith("#/lineage?node=dataset");
    browser.screenshot("governance-findings", 1000);
    finding
        .findElement(By.cssSelector(".finding-products a[href='#/product/customer/customer-360']"))
        .click();
    browser.until(d -> browser.route().equals("#/product/customer/customer-360"));
    browser.until(d -> d.findElement(By.tagName("h1")).getText().contains("Customer 360"));
  }

  @Test
  void shouldShowTheAuditLogNewestFirstPageToOlderEntriesAndFilterBySubject() {
    browser.signIn(TestCredentials.ADMIN_TOKEN);
    long newest = newestAuditId();
    browser.go("#/governance/audit");
    List<Long> first = auditIds();
    assertThat(first).hasSize(25).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    // the newest entry the server had when the page was asked for is on top
    assertThat(first.getFirst()).isGreaterThanOrEqualTo(newest);

    browser.click(By.id("audit-older"));
    browser.until(d -> browser.route().contains("cursor="));
    List<Long> older =
        browser.until(
            d -> {
              List<Long> ids = auditIds();
              return !ids.isEmpty() && ids.getFirst() < first.getLast() ? ids : null;
            });
    assertThat(older).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(browser.await(By.id("audit-newest")).isDisplayed()).isTrue();

    browser.replaceText("audit-subject", "customer-governor");
    browser.click(By.id("audit-filter-submit"));
    browser.until(d -> browser.route().contains("subject=customer-governor"));
    assertThat(browser.route()).doesNotContain("cursor=");
    List<WebElement> rows =
        browser.until(
            d -> {
              List<WebElement> r = d.findElements(By.cssSelector("#audit-table tr.audit-entry"));
              return !r.isEmpty()
                      && r.stream()
                          .allMatch(
                              e -> "customer-governor".equals(e.getDomAttribute("data-subject")))
                  ? r
                  : null;
            });
    assertThat(rows.getFirst().getText()).contains("authorize", "Refused (denied)");
    browser.screenshot("governance-audit", 1000);
  }

  @Test
  void shouldRevokeATokenFromTheConsole() {
    token(Map.of("subject", "gov-revoke-me", "roles", List.of("consumer")));
    browser.signIn(TestCredentials.ADMIN_TOKEN);
    browser.go("#/governance/tokens?subject=gov-revoke-me");
    WebElement row = browser.await(By.cssSelector("#tokens-table tr.token-row"));
    assertThat(row.getDomAttribute("data-state")).isEqualTo("active");
    assertThat(row.getText()).contains("gov-revoke-me", "Roles: consumer", "Active");
    row.findElement(By.cssSelector("button.revoke-token")).click();
    browser.click(By.cssSelector("#tokens-table button.confirm-revoke"));
    browser.until(
        d ->
            "revoked"
                .equals(
                    d.findElement(By.cssSelector("#tokens-table tr.token-row"))
                        .getDomAttribute("data-state")));
    assertThat(browser.await(By.id("tokens-status")).getText())
        .contains("The token of gov-revoke-me is revoked");
    List<Map<String, Object>> listed =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/v1/tokens?subject=gov-revoke-me"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    assertThat(listed).singleElement().satisfies(t -> assertThat(t.get("revokedAt")).isNotNull());
  }

  @Test
  void shouldShowADomainOwnerOnlyWhatItGoverns() {
    browser.signIn(ownerToken);
    browser.click(By.id("nav-governance"));
    browser.await(By.id("governance-counts"));
    assertThat(browser.await(By.id("governance-nav")).getText())
        .contains("Policies", "Findings")
        .doesNotContain("Audit log", "Tokens");
    assertThat(browser.driver().findElements(By.id("count-tokens"))).isEmpty();
    assertThat(browser.await(By.id("governance-scope")).getText()).contains("You own customer");

    browser.go("#/governance/policies");
    List<String> shown =
        browser.until(
            d -> {
              List<String> p =
                  d.findElements(By.cssSelector("#policies li.policy")).stream()
                      .map(e -> e.getDomAttribute("data-policy"))
                      .toList();
              return p.isEmpty() ? null : p;
            });
    assertThat(shown).containsExactly("customer/churn-scores-for-retention");
    assertThat(browser.await(By.id("explain-scope")).getText())
        .contains("Products of the domains you own (customer)");
    browser.replaceText("explain-product", PROFILES);
    browser.replaceText("explain-subject", "us-analyst");
    browser.click(By.id("explain-submit"));
    assertThat(browser.await(By.id("explain-discover")).getText()).contains("Denied");
    assertThat(browser.await(By.id("explain-summary")).getText()).contains("us-analyst");
    browser.replaceText("explain-product", "sales/orders");
    browser.click(By.id("explain-submit"));
    assertThat(browser.await(By.cssSelector("#explain-result .problem")).getText())
        .as("another domain's product is not the owner's to explain")
        .isNotBlank();

    browser.go("#/governance/findings");
    assertThat(finding360().getText()).contains("customer/customer-360");

    browser.go("#/governance/tokens");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    browser.go("#/governance/audit");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    assertThat(browser.await(By.cssSelector("main .problem")).getText())
        .contains("The audit log is for platform admins");
  }

  @Test
  void shouldShowAConsumerNoGovernanceLinkAndAPlainRefusal() {
    browser.signIn(analystToken);
    browser.await(By.id("nav-requests"));
    browser.until(d -> !d.findElement(By.id("nav-governance")).isDisplayed());
    browser.go("#/governance");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Not allowed");
    assertThat(browser.await(By.cssSelector("main .problem")).getText())
        .contains("The governance console is for platform admins and domain owners.")
        .contains("You are signed in as us-analyst, who governs no domain.");

    browser.signOutAndForget();
    assertThat(browser.driver().findElement(By.id("nav-governance")).isDisplayed()).isFalse();
    browser.go("#/governance");
    assertThat(browser.await(By.cssSelector("main .problem")).getText())
        .contains("Sign in to use the governance console.");
  }

  private WebElement policy(String id) {
    return browser.await(By.id("policy-" + id));
  }

  private WebElement finding360() {
    return browser.until(
        d ->
            d.findElements(By.cssSelector("#findings li.finding")).stream()
                .filter(e -> FINDING_POLICY.equals(e.getDomAttribute("data-policy")))
                .filter(e -> e.getText().contains("customer/customer-360"))
                .findFirst()
                .orElse(null));
  }

  private List<Long> auditIds() {
    return browser.until(
        d -> {
          List<Long> ids =
              d.findElements(By.cssSelector("#audit-table tr.audit-entry")).stream()
                  .map(e -> Long.parseLong(e.getDomAttribute("data-id")))
                  .toList();
          return ids.isEmpty() ? null : ids;
        });
  }

  @SuppressWarnings("unchecked")
  private long newestAuditId() {
    Map<String, Object> page =
        http.toBlocking()
            .retrieve(HttpRequest.GET("/api/v1/audit?order=newest&limit=1"), Map.class);
    return ((Number) ((List<Map<String, Object>>) page.get("items")).getFirst().get("id"))
        .longValue();
  }

  private List<Map<String, Object>> findings() {
    return http.toBlocking()
        .retrieve(
            HttpRequest.GET("/api/v1/policies/findings"),
            Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }

  /** Creates an API token as the tests' admin and returns its secret. */
  private String token(Map<String, Object> request) {
    @SuppressWarnings("unchecked")
    Map<String, Object> issued =
        http.toBlocking().retrieve(HttpRequest.POST("/api/v1/tokens", request), Map.class);
    return (String) issued.get("secret");
  }
}
