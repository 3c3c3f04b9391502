package io.tessera.catalogserver.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.tessera.catalogserver.TestServer;
import io.tessera.lineage.LineageProjection;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A planned data product becomes physical when lineage shows a run completing the dataset its
 * output port promises, and the declared-versus-observed report follows what lineage has seen. The
 * tests build on each other, in order: declared, started, completed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlannedToPhysicalIT implements TestPropertyProvider {
  private static final String PG = "postgres://db:5432";
  private static final String RUN_ID = "0195d1c2-4e5f-7a6b-8c9d-0e1f2a3b4c5d";
  private static final String COMPLETED_AT = "2026-03-10T06:30:00.250+01:00";

  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private LineageHttp http;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-planned-physical-it");
  }

  @BeforeAll
  void declare() {
    http = new LineageHttp(server.getURI(), projection);
    http.applyDescriptors(resource("shop-orders-product.yaml"));
  }

  /**
   * Lets the projection finish before the server stops: stopping interrupts the projection thread,
   * and an interrupt in the middle of a TDB2 commit closes the store's file channels
   * (ClosedByInterruptException), after which shutdown hangs for 10 s.
   */
  @AfterAll
  void letTheProjectionFinish() {
    http.awaitAllProjected();
  }

  @Test
  @Order(1)
  void shouldStartPlannedWithThePromiseUnproducedAndTheInputsUnread() {
    JsonNode product = http.get("/api/v1/products/shop/orders");
    assertThat(product.path("state").asText()).isEqualTo("planned");
    assertThat(
            product.path("physicalSince").isMissingNode() || product.get("physicalSince").isNull())
        .isTrue();

    JsonNode report = http.get("/api/v1/products/shop/orders/observation");

    assertThat(ports(report.path("promisedNotProduced"))).containsExactly("orders-table");
    assertThat(datasets(report.path("promisedNotProduced")))
        .containsExactly(PG + "|shop.public.orders");
    assertThat(datasets(report.path("declaredInputsNotRead")))
        .containsExactlyInAnyOrder(
            "kafka://broker:9092|checkout.events", PG + "|shop.public.customers");
    assertThat(report.path("producedUnclaimed")).isEmpty();
  }

  @Test
  @Order(2)
  void shouldNotBindThePortOnAStartEvent() {
    http.awaitProjected(
        http.accept(event("START", "2026-03-10T06:00:00.000+01:00")).path("id").asLong());

    JsonNode product = http.get("/api/v1/products/shop/orders");
    assertThat(product.path("state").asText()).isEqualTo("planned");
    assertThat(
            product.path("outputPorts").get(0).path("binding").isMissingNode()
                || product.path("outputPorts").get(0).path("binding").isNull())
        .isTrue();
    JsonNode report = http.get("/api/v1/products/shop/orders/observation");
    assertThat(ports(report.path("promisedNotProduced"))).containsExactly("orders-table");
    // the job was seen reading checkout.events once it started
    assertThat(datasets(report.path("declaredInputsNotRead")))
        .containsExactly(PG + "|shop.public.customers");
  }

  @Test
  @Order(3)
  void shouldTurnPhysicalWhenARunCompletesWritingThePromisedDataset() {
    http.awaitProjected(http.accept(event("COMPLETE", COMPLETED_AT)).path("id").asLong());

    JsonNode product = http.get("/api/v1/products/shop/orders");
    Instant completed = Instant.parse("2026-03-10T05:30:00.250Z");
    assertThat(product.path("state").asText()).isEqualTo("physical");
    assertThat(Instant.parse(product.path("physicalSince").asText())).isEqualTo(completed);
    JsonNode binding = product.path("outputPorts").get(0).path("binding");
    assertThat(binding.path("evidence").asText()).isEqualTo("https://tessera.local/run/" + RUN_ID);
    assertThat(binding.toString()).contains("shop.public.orders");
    assertThat(
            http.get("/api/v1/products?domain=shop&lifecycle=physical")
                .path("items")
                .findValuesAsText("name"))
        .contains("orders");

    JsonNode report = http.get("/api/v1/products/shop/orders/observation");
    assertThat(report.path("promisedNotProduced")).isEmpty();
    assertThat(datasets(report.path("declaredInputsNotRead")))
        .containsExactly(PG + "|shop.public.customers");
    assertThat(refs(report.path("producedUnclaimed")))
        .containsExactly(PG + "|shop.public.orders_audit");
    assertThat(refs(http.get("/api/v1/lineage/unowned-datasets")))
        .contains(PG + "|shop.public.orders_audit")
        .doesNotContain(PG + "|shop.public.orders");
    JsonNode domain = http.get("/api/v1/domains/shop/observation");
    assertThat(refs(domain.path("producedUnclaimed"))).contains(PG + "|shop.public.orders_audit");
    assertThat(domain.path("promisedNotProduced")).isEmpty();
  }

  @Test
  @Order(4)
  void shouldKeepTheFirstBindingWhenALaterRunWritesTheDatasetAgain() {
    ObjectNode later = event("COMPLETE", "2026-03-11T06:30:00Z");
    ((ObjectNode) later.get("run")).put("runId", "0195d1c2-4e5f-7a6b-8c9d-0e1f2a3b4c99");
    http.awaitProjected(http.accept(later).path("id").asLong());

    JsonNode product = http.get("/api/v1/products/shop/orders");
    assertThat(Instant.parse(product.path("physicalSince").asText()))
        .isEqualTo(Instant.parse("2026-03-10T05:30:00.250Z"));
    assertThat(product.path("outputPorts").get(0).path("binding").path("evidence").asText())
        .isEqualTo("https://tessera.local/run/" + RUN_ID);
  }

  private static ObjectNode event(String type, String time) {
    ObjectNode event = OpenLineageFixtures.resource("load-orders-run.json");
    event.put("eventType", type).put("eventTime", time);
    return event;
  }

  private static List<String> ports(JsonNode statuses) {
    return statuses.findValuesAsText("port");
  }

  private static List<String> datasets(JsonNode statuses) {
    List<String> refs = new ArrayList<>();
    statuses.forEach(s -> refs.add(ref(s.path("dataset"))));
    return refs;
  }

  private static List<String> refs(JsonNode datasetRefs) {
    List<String> refs = new ArrayList<>();
    datasetRefs.forEach(d -> refs.add(ref(d)));
    return refs;
  }

  private static String ref(JsonNode dataset) {
    return dataset.path("namespace").asText() + "|" + dataset.path("name").asText();
  }

  private static String resource(String name) {
    try (InputStream in = PlannedToPhysicalIT.class.getResourceAsStream("/lineage/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
