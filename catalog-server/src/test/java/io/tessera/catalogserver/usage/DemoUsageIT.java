package io.tessera.catalogserver.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestCredentials;
import io.tessera.catalogserver.TestServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo mesh's consumers and time-to-value come from a believable history: revisions dated weeks
 * before the demo's OpenLineage runs, which carry their own event times; its own lineage yields
 * toxic-combination findings for the governance console.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoUsageIT implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;

  private final HttpClient client = HttpClient.newHttpClient();

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-demo-usage-it", "tessera.demo", "true");
  }

  @BeforeAll
  void awaitTheDemo() throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!get("/api/v1/products/marketing/campaign-attribution/time-to-value")
        .path("physicalAt")
        .isTextual()) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  @Test
  void shouldListAnotherDomainsJobAndDeclaringProductsAsConsumersOfOrders() {
    JsonNode consumers = get("/api/v1/products/sales/orders/consumers");

    assertThat(consumers.findValuesAsText("name"))
        .contains(
            "acme-airflow/marketing.campaign-attribution.attribution-mart",
            "marketing/campaign-attribution");
    for (JsonNode c : consumers) {
      if (c.path("kind").asText().equals("job")) {
        assertThat(c.path("domain").asText()).isNotEqualTo("sales");
      }
    }
  }

  @Test
  void shouldGiveTheDemoLeadTimesOfWeeksInOrder() {
    JsonNode orders = get("/api/v1/products/sales/orders/time-to-value");
    Instant declared = Instant.parse(orders.path("declaredAt").asText());
    Instant planned = Instant.parse(orders.path("plannedAt").asText());
    Instant physical = Instant.parse(orders.path("physicalAt").asText());
    Instant consumer = Instant.parse(orders.path("firstConsumerAt").asText());

    // the demo's products promise their datasets from their first revision
    assertThat(declared).isEqualTo(planned);
    assertThat(planned).isBefore(physical);
    assertThat(physical).isBefore(consumer);
    assertThat(physical).isEqualTo(Instant.parse("2026-01-07T09:20:18Z"));
    assertThat(orders.path("leadTimes").path("plannedToPhysicalSeconds").asLong())
        .isGreaterThanOrEqualTo(Duration.ofDays(14).toSeconds());

    JsonNode mesh = get("/api/v1/time-to-value");
    assertThat(mesh.path("quarters").size()).isGreaterThan(1);
    for (JsonNode quarter : mesh.path("quarters")) {
      JsonNode planning = quarter.path("plannedToPhysical");
      if (planning.isObject()) {
        assertThat(planning.path("medianSeconds").asLong()).isGreaterThan(86_400);
      }
    }
    assertThat(mesh.path("stuck").path("plannedNotPhysical")).isNotEmpty();
  }

  @Test
  void shouldFindTheDemosToxicCombinationOfRestrictedAndConfidentialDataInItsOwnLineage()
      throws InterruptedException {
    // the check runs in the background once the demo's lineage is in
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode findings = get("/api/v1/policies/findings");
    while (findings.size() < 2) {
      assertThat(Instant.now()).isBefore(deadline);
      Thread.sleep(200);
      findings = get("/api/v1/policies/findings");
    }

    assertThat(findings.findValuesAsText("policy"))
        .containsOnly("global/identified-profiles-for-review");
    assertThat(findings.findValuesAsText("job"))
        .containsExactlyInAnyOrder(
            "acme-airflow:customer.customer-360.customer-360-table",
            "acme-airflow:finance.invoices.invoices-table");
    for (JsonNode finding : findings) {
      assertThat(finding.path("combination").toString())
          .isEqualTo("[\"confidential\",\"restricted\"]");
      assertThat(finding.path("result").asText()).isEqualTo("profiling");
      assertThat(finding.path("inputs").toString())
          .contains("postgres://crm-db.internal:5432:crm.public.customers");
    }
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(server.getURI().resolve(path))
                  .header("Authorization", "Bearer " + TestCredentials.ADMIN_TOKEN)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
