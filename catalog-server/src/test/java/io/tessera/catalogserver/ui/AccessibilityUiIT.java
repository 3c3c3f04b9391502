package io.tessera.catalogserver.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The main pages of the UI checked with axe-core (Deque's engine, run in headless Chromium against
 * the server with the demo catalog) for the WCAG 2.1 A and AA rules: no violation of any impact
 * (minor and moderate included), for an anonymous reader and for a signed-in admin (the form and
 * the governance console). A failure lists every violation with its rule, its help text and the
 * elements.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityUiIT implements TestPropertyProvider {
  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  @Inject EmbeddedServer server;
  @Inject GraphStore store;
  @Inject SearchIndex index;
  @Inject LineageProjection projection;

  private Browser browser;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-accessibility-ui-it", "tessera.demo", "true");
  }

  @BeforeAll
  void startBrowser() throws InterruptedException {
    String missing = Browser.missing();
    assumeTrue(missing == null, missing);
    TestServer.awaitCaughtUp(projection, store, index, Duration.ofSeconds(120));
    browser = Browser.open(server.getURL().toString());
  }

  @AfterAll
  void closeBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void shouldHaveNoAccessibilityViolationOnThePagesAReaderOpens() {
    browser.signOutAndForget();
    List<String> problems = new ArrayList<>();
    for (String page :
        List.of(
            "#/",
            "#/search?q=orders",
            "#/product/sales/orders",
            "#/lineage?product=sales/orders",
            "#/dataset?namespace=postgres%3A%2F%2Fwarehouse.internal%3A5432&name=sales.public.order_lines",
            "#/domains",
            "#/domain/sales")) {
      problems.addAll(check(page));
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void shouldHaveNoAccessibilityViolationOnTheFormAndTheGovernanceConsole() {
    browser.signOutAndForget();
    browser.signIn(TestCredentials.ADMIN_TOKEN);
    List<String> problems = new ArrayList<>();
    for (String page :
        List.of(
            "#/new?domain=sales",
            "#/governance",
            "#/governance/policies",
            "#/governance/findings",
            "#/governance/audit",
            "#/requests",
            "#/incidents")) {
      problems.addAll(check(page));
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /** Opens the page, waits for its heading and answers its violations. */
  private List<String> check(String page) {
    browser.go(page);
    browser.await(By.cssSelector("#main h1"));
    // let the page's remaining requests settle before the check reads it
    browser.until(d -> browser.script("return document.readyState").equals("complete"));
    Results results = new AxeBuilder().withTags(WCAG).analyze(browser.driver());
    assertThat(results.isErrored()).as("axe-core could not check " + page).isFalse();
    assertThat(results.getPasses()).as("the rules axe-core checked on " + page).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      List<String> where = new ArrayList<>();
      rule.getNodes().forEach(n -> where.add(String.valueOf(n.getTarget())));
      problems.add(
          page + ": " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + where);
    }
    return problems;
  }
}
