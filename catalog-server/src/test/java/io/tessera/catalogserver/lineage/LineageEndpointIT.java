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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /api/v1/lineage} at the HTTP level: gzip request bodies, the request size limit, and
 * the problem document for each kind of invalid event.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageEndpointIT implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject LineageProjection projection;

  private LineageHttp http;

  @Override
  public Map<String, String> getProperties() {
    return TestServer.properties("tessera-lineage-endpoint-it");
  }

  @BeforeAll
  void connect() {
    http = new LineageHttp(server.getURI(), projection);
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
  void shouldAcceptAGzipCompressedEventAndStoreItDecompressed() {
    ObjectNode event = OpenLineageFixtures.resource("valid-run-event.json");
    ((ObjectNode) event.get("run")).put("runId", "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a");

    LineageHttp.Reply reply = http.post(gzip(event.toString()), Map.of("Content-Encoding", "gzip"));

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("duplicate").asBoolean()).isFalse();
    JsonNode events = http.get("/api/v1/events/lineage?limit=1000").path("events");
    assertThat(events).contains(event);
    http.awaitProjected(reply.json().path("id").asLong());
    assertThat(LineageHttp.nodesById(http.lineage("job:endpoint-tests:load_invoices", 1, "both")))
        .containsKeys(
            "dataset:kafka://broker:9092:billing.invoices",
            "dataset:postgres://db:5432:billing.public.invoices");
  }

  @Test
  void shouldAnswer413ProblemForABodyOverTheMaximumRequestSize() {
    long journalBefore = projection.status().journal();
    ObjectNode event = OpenLineageFixtures.resource("valid-run-event.json");
    ((ObjectNode) event.get("run"))
        .putObject("facets")
        .putObject("padding")
        .put("_producer", "https://example.com/tessera-tests")
        .put("text", "x".repeat(11 * 1024 * 1024));

    LineageHttp.Reply reply = http.post(event.toString());

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().path("type").asText())
        .isEqualTo("https://w3id.org/tessera/problems/payload-too-large");
    assertThat(projection.status().journal()).isEqualTo(journalBefore);
  }

  /**
   * The limit is on the request body the server handles, so a gzip body a few KB long that inflates
   * past it must be refused too; otherwise a small request can make the server buffer, parse,
   * journal and project an arbitrarily large event.
   */
  @Test
  void shouldAnswer413ForAGzipBodyThatInflatesOverTheMaximumRequestSize() {
    long journalBefore = projection.status().journal();
    ObjectNode event = OpenLineageFixtures.resource("valid-run-event.json");
    ((ObjectNode) event.get("run")).put("runId", "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6b");
    ((ObjectNode) event.get("run"))
        .putObject("facets")
        .putObject("padding")
        .put("_producer", "https://example.com/tessera-tests")
        .put("text", "x".repeat(11 * 1024 * 1024));
    byte[] body = gzip(event.toString());
    assertThat(body.length).isLessThan(100 * 1024);

    LineageHttp.Reply reply = http.post(body, Map.of("Content-Encoding", "gzip"));

    assertThat(reply.status())
        .as("status for an 11 MB event sent as %d bytes of gzip", body.length)
        .isEqualTo(413);
    assertThat(projection.status().journal()).isEqualTo(journalBefore);
  }

  static Stream<Arguments> invalidEvents() {
    return Stream.of(
        invalid("run.runId", e -> ((ObjectNode) e.get("run")).remove("runId")),
        invalid("run.runId", e -> ((ObjectNode) e.get("run")).put("runId", "run_id")),
        invalid("run.runId", e -> ((ObjectNode) e.get("run")).put("runId", 42)),
        invalid("run", e -> e.put("run", "5b1e5f0a-2a44-4f2e-9b7c-2f1d3c4b5a60")),
        invalid("eventTime", e -> e.put("eventTime", "2026-02-01T08:30:00")),
        invalid("eventTime", e -> e.remove("eventTime")),
        invalid("eventTime", e -> e.put("eventTime", "yesterday")),
        invalid("eventType", e -> e.put("eventType", "FINISHED")),
        invalid("producer", e -> e.remove("producer")),
        invalid("job", e -> e.remove("job")),
        invalid("job.namespace", e -> ((ObjectNode) e.get("job")).remove("namespace")),
        invalid("job.name", e -> ((ObjectNode) e.get("job")).put("name", " ")),
        invalid("outputs[0].name", e -> ((ObjectNode) e.get("outputs").get(0)).remove("name")),
        invalid("inputs", e -> e.put("inputs", "kafka://broker:9092/billing.invoices")),
        invalid(
            "outputs[0].facets.schema",
            e -> ((ObjectNode) e.get("outputs").get(0).get("facets")).put("schema", "id:string")),
        invalid(
            "run",
            e -> {
              e.remove("run");
              e.remove("job");
            }));
  }

  private static Arguments invalid(String field, Consumer<ObjectNode> breakIt) {
    ObjectNode event = OpenLineageFixtures.resource("valid-run-event.json");
    breakIt.accept(event);
    return Arguments.of(field, event.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEvents")
  void shouldRejectAnInvalidEventWithAProblemNamingTheField(String field, String body) {
    long journalBefore = projection.status().journal();

    LineageHttp.Reply reply = http.reject(body);

    assertThat(reply.errorFields()).contains(field);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).isNotBlank();
    assertThat(reply.json().path("status").asInt()).isEqualTo(400);
    assertThat(projection.status().journal()).isEqualTo(journalBefore);
  }

  @Test
  void shouldRejectBodiesThatAreNotOneJsonObject() {
    assertThat(http.reject("{\"eventTime\": ").errorFields()).containsExactly("body");
    assertThat(http.reject("[]").errorFields()).containsExactly("body");
    LineageHttp.Reply empty = http.post("");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.contentType()).startsWith("application/problem+json");
  }

  @Test
  void shouldCutAWalkThroughAHubAtMaxNodesAndSayItIsTruncated() {
    String hub = "endpoint.hub_events";
    List<ObjectNode> events = new ArrayList<>();
    events.add(
        PaymentEvents.event(
            "0d9c8b7a-6f5e-4d3c-8b2a-2f0e9d8c7b00",
            "2026-04-02T10:00:00Z",
            "hub_writer",
            List.of("endpoint.hub_source"),
            List.of(hub)));
    for (int i = 1; i <= 6; i++) {
      events.add(
          PaymentEvents.event(
              "0d9c8b7a-6f5e-4d3c-8b2a-2f0e9d8c7b0" + i,
              "2026-04-02T10:0" + i + ":00Z",
              "hub_reader_" + i,
              List.of(hub),
              List.of("endpoint.hub_mart_" + i)));
    }
    http.awaitProjected(http.acceptAll(events));
    String hubId = "dataset:" + PaymentEvents.PG + ":" + hub;

    JsonNode whole = http.lineage(hubId, 20, "both");
    JsonNode cut =
        http.get(
            "/api/v1/lineage?traversal=directed&nodeId="
                + LineageHttp.q(hubId)
                + "&depth=20&maxNodes=4");

    assertThat(whole.path("truncated").asBoolean()).isFalse();
    assertThat(whole.path("graph")).hasSize(15);
    assertThat(cut.path("truncated").asBoolean()).isTrue();
    assertThat(cut.path("graph")).hasSize(4);
    assertThat(cut.path("graph").get(0).path("id").asText()).isEqualTo(hubId);
    Set<String> ids = LineageHttp.nodesById(cut).keySet();
    assertThat(cut.path("graph").findValuesAsText("origin")).allMatch(ids::contains);
    assertThat(cut.path("graph").findValuesAsText("destination")).allMatch(ids::contains);
  }

  @Test
  void shouldRejectANodeLimitOutOfRangeWithAProblem() {
    String nodeId = LineageHttp.q("dataset:postgres://db:5432:billing.public.invoices");

    LineageHttp.Reply zero =
        http.send("GET", "/api/v1/lineage?nodeId=" + nodeId + "&maxNodes=0", null, Map.of());
    LineageHttp.Reply huge =
        http.send("GET", "/api/v1/lineage?nodeId=" + nodeId + "&maxNodes=100001", null, Map.of());

    for (LineageHttp.Reply reply : List.of(zero, huge)) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().path("type").asText())
          .isEqualTo("https://w3id.org/tessera/problems/invalid-request");
      assertThat(reply.json().path("detail").asText()).contains("maxNodes");
    }
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
