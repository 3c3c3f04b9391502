package io.tessera.catalogserver.lineage;

import static io.tessera.catalogserver.lineage.PaymentEvents.field;
import static io.tessera.catalogserver.lineage.PaymentEvents.writePayments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.catalogserver.exchange.MutableClock;
import io.tessera.catalogserver.health.HealthMonitor;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * SLOs, health and incidents end to end over real HTTP: a product promises its payments table
 * fresh, mostly successful and schema-stable; a failed run opens an incident and turns it failing
 * (REST, GraphQL, search facet); a breaking schema change shows with who it affects; the next
 * successful run resolves the failed-run incident; a freshness breach comes from the clock alone.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductHealthIT implements TestPropertyProvider {
  private static final String PRODUCT = "/api/v1/products/finance/payments";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;
  @Inject MutableClock clock;
  @Inject HealthMonitor monitor;

  private LineageHttp http;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties(
        "tessera-health-it",
        "tessera.test.mutable-clock",
        "true",
        "tessera.health.check-interval",
        "1h");
  }

  @BeforeAll
  void declareAProductWithAnSlo() {
    http = new LineageHttp(server.getURI(), projection);
    http.applyDescriptors(
        """
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: finance}
        spec: {title: Finance, owner: "mailto:finance@example.com"}
        ---
        apiVersion: tessera/v1
        kind: Domain
        metadata: {name: sales}
        spec: {title: Sales, owner: "mailto:sales@example.com"}
        ---
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: finance, name: payments}
        spec:
          owner: mailto:finance@example.com
          outputPorts:
            - name: payments-table
              dataset: {namespace: "postgres://db:5432", name: finance.public.payments}
              slo:
                freshness: PT24H
                successRate: {min: 0.5, window: P30D}
                schemaStability: true
        ---
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: finance, name: ledger}
        spec:
          owner: mailto:finance@example.com
          classification: [eu-confidential]
          outputPorts:
            - name: ledger-table
              dataset: {namespace: "postgres://db:5432", name: finance.public.ledger}
              slo: {freshness: PT24H}
        ---
        apiVersion: tessera/v1
        kind: Policy
        metadata: {name: eu-confidential-eu-only}
        spec:
          targets: {classifications: [eu-confidential]}
          permissions:
            - actions: [discover, read]
              constraints:
                - {attribute: region, operator: isAnyOf, values: [eu]}
        ---
        apiVersion: tessera/v1
        kind: DataProduct
        metadata: {domain: sales, name: revenue}
        spec:
          owner: mailto:sales@example.com
          inputPorts:
            - dataset: {namespace: "postgres://db:5432", name: finance.public.payments}
        """);
  }

  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  @Test
  @Order(1)
  void shouldShowTheSloOnThePortAndRejectBadDeclarations() {
    JsonNode product = http.get(PRODUCT);
    assertThat(product.path("iri").asText()).endsWith("/product/finance/payments");
    LineageHttp.Reply bad =
        http.send(
            "POST",
            "/api/v1/descriptors?dryRun=true",
            """
            apiVersion: tessera/v1
            kind: DataProduct
            metadata: {domain: finance, name: broken}
            spec:
              owner: mailto:finance@example.com
              outputPorts:
                - name: t
                  dataset: {namespace: "postgres://db:5432", name: finance.public.broken}
                  slo:
                    freshness: daily
                    successRate: {min: 1.5}
                    quality: {window: P7D}
                    schemaStability: maybe
                    latency: PT1S
            """
                .getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/yaml", "Accept", "application/json"));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.body())
        .contains("spec.outputPorts[0].slo.freshness")
        .contains("spec.outputPorts[0].slo.successRate.min")
        .contains("spec.outputPorts[0].slo.quality.minPassing")
        .contains("spec.outputPorts[0].slo.schemaStability")
        .contains("spec.outputPorts[0].slo.latency");
  }

  @Test
  @Order(2)
  void shouldOpenAnIncidentAndFailWhenARunFails() {
    http.awaitProjected(
        http.accept(
                writePayments(
                    "0196b000-0000-7000-8000-000000000001",
                    clock.instant().minusSeconds(3600).toString(),
                    field("id", "string"),
                    field("amount", "decimal")))
            .path("id")
            .asLong());
    awaitHealth("healthy");
    ObjectNode fail =
        writePayments(
            "0196b000-0000-7000-8000-000000000002",
            clock.instant().minusSeconds(1800).toString(),
            field("id", "string"),
            field("amount", "decimal"));
    fail.put("eventType", "FAIL");
    http.awaitProjected(http.accept(fail).path("id").asLong());
    JsonNode health = awaitHealth("failing");
    assertThat(health.path("reasons").toString()).contains("last-run-failed");
    JsonNode incidents = http.get("/api/v1/incidents?product=finance/payments&state=open");
    assertThat(incidents.toString()).contains("failed-run");
    // the product view reads the product read model, which follows the health record
    assertThat(
            await(() -> http.get(PRODUCT), p -> "failing".equals(p.path("health").asText()))
                .path("health")
                .asText())
        .isEqualTo("failing");
    JsonNode gql =
        graphql(
            "{ product(domain: \\\"finance\\\", name: \\\"payments\\\") { health { status } incidents { kind state } } }");
    assertThat(gql.toString()).contains("\"status\":\"failing\"").contains("failed-run");
    await(
        () -> http.get("/api/v1/search?q=payments&health=failing"),
        s -> s.toString().contains("/product/finance/payments"));
  }

  @Test
  @Order(3)
  void shouldShowABreakingChangeWithItsConsumersAndResolveTheFailedRunOnTheNextSuccess() {
    http.awaitProjected(
        http.accept(
                writePayments(
                    "0196b000-0000-7000-8000-000000000003",
                    clock.instant().minusSeconds(600).toString(),
                    field("id", "bigint")))
            .path("id")
            .asLong());
    JsonNode incidents =
        await(
            () -> http.get("/api/v1/incidents?product=finance/payments"),
            s -> s.toString().contains("breaking-change") && s.toString().contains("resolved"));
    for (JsonNode i : incidents) {
      if (i.path("kind").asText().equals("failed-run")) {
        assertThat(i.path("state").asText()).isEqualTo("resolved");
      }
      if (i.path("kind").asText().equals("breaking-change")) {
        assertThat(i.path("state").asText()).isEqualTo("open");
      }
    }
    JsonNode changes = http.get(PRODUCT + "/schema-changes");
    assertThat(changes.get(0).path("versions").get(0).path("breaking").asBoolean()).isTrue();
    assertThat(changes.get(0).path("affected").toString()).contains("sales/revenue");
    assertThat(awaitHealth("failing").path("reasons").toString()).contains("schema-stability");
    String breaking = null;
    for (JsonNode i : incidents) {
      if (i.path("kind").asText().equals("breaking-change")) {
        breaking = i.path("id").asText();
      }
    }
    LineageHttp.Reply resolved =
        http.send(
            "POST",
            "/api/v1/incidents/" + breaking + "/resolve",
            "{\"note\":\"consumers migrated\"}".getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/json", "Accept", "application/json"));
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    awaitHealth("healthy");
  }

  @Test
  @Order(4)
  void shouldBreachFreshnessWhenNothingArrivesAndRecoverOnTheNextWrite() throws Exception {
    clock.advance(Duration.ofHours(30));
    monitor.checkNow();
    JsonNode health = awaitHealth("failing");
    assertThat(health.path("reasons").toString()).contains("freshness");
    assertThat(http.get("/api/v1/incidents?product=finance/payments&state=open").toString())
        .contains("slo-breach");
    http.awaitProjected(
        http.accept(
                writePayments(
                    "0196b000-0000-7000-8000-000000000004",
                    clock.instant().toString(),
                    field("id", "bigint")))
            .path("id")
            .asLong());
    awaitHealth("healthy");
    assertThat(http.get("/api/v1/incidents?product=finance/payments&state=open").size()).isZero();
  }

  @Test
  @Order(5)
  void shouldAnswerLikeAMissingProductForAnUnknownOne() {
    LineageHttp.Reply reply =
        http.send("GET", "/api/v1/products/finance/nothing/health", null, Map.of());
    assertThat(reply.status()).isEqualTo(404);
    assertThat(
            http.send("GET", "/api/v1/incidents?product=finance/nothing", null, Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  @Order(6)
  void shouldAnswerLikeAMissingProductForOneTheCallerMayNotDiscover() {
    LineageHttp.Reply issued =
        http.send(
            "POST",
            "/api/v1/tokens",
            "{\"subject\":\"health-us-reader\",\"roles\":[\"consumer\"],\"attributes\":{\"region\":[\"us\"]}}"
                .getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/json", "Accept", "application/json"));
    assertThat(issued.status()).as(issued.body()).isIn(200, 201);
    Map<String, String> reader =
        Map.of(
            "Authorization",
            "Bearer " + issued.json().path("secret").asText(),
            "Accept",
            "application/json");
    for (String path :
        new String[] {
          "/api/v1/products/finance/%s/health",
          "/api/v1/products/finance/%s/incidents",
          "/api/v1/products/finance/%s/schema-changes",
          "/api/v1/incidents?product=finance/%s"
        }) {
      String hiddenPath = path.formatted("ledger");
      assertThat(http.send("GET", hiddenPath, null, Map.of("Accept", "application/json")).status())
          .as("an admin sees %s", hiddenPath)
          .isEqualTo(200);
      LineageHttp.Reply hidden = http.send("GET", hiddenPath, null, reader);
      LineageHttp.Reply missing = http.send("GET", path.formatted("nothing"), null, reader);
      assertThat(missing.status()).as(missing.body()).isEqualTo(404);
      assertThat(hidden.status()).as(hidden.body()).isEqualTo(missing.status());
      assertThat(hidden.contentType()).isEqualTo(missing.contentType());
      assertThat(hidden.body().replace("ledger", "nothing")).isEqualTo(missing.body());
    }
  }

  @Test
  @Order(7)
  void shouldLeaveTheGraphOfAProductThatHasOnlyBeenHealthyAlone() throws Exception {
    monitor.checkNow();
    monitor.awaitIdle();
    assertThat(http.get("/api/v1/products/finance/ledger/health").path("status").asText())
        .isEqualTo("healthy");
    for (String product : new String[] {"finance/ledger", "sales/revenue"}) {
      JsonNode health = http.get("/api/v1/products/" + product).path("health");
      assertThat(health.isMissingNode() || health.isNull()).as(product + ": " + health).isTrue();
    }
  }

  private JsonNode graphql(String query) {
    LineageHttp.Reply reply =
        http.send(
            "POST",
            "/graphql",
            ("{\"query\":\"" + query + "\"}").getBytes(StandardCharsets.UTF_8),
            Map.of("Content-Type", "application/json", "Accept", "application/json"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode awaitHealth(String status) {
    return await(
        () -> http.get(PRODUCT + "/health"), h -> status.equals(h.path("status").asText()));
  }

  private static JsonNode await(
      java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plusSeconds(30);
    JsonNode last = read.get();
    while (!done.test(last) && Instant.now().isBefore(deadline)) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = read.get();
    }
    assertThat(done.test(last)).as("awaited state, last seen %s", last).isTrue();
    return last;
  }
}
